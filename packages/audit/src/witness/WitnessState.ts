import type { WitnessLogState } from './WitnessLogState.ts'

/**
 * A witness's persistent record, per log origin, of the latest cosigned checkpoint. `update` is a
 * compare-and-swap, which c2sp.org/tlog-witness requires to be atomic: otherwise two concurrent requests can
 * roll the recorded size back.
 *
 * @example
 * const state: WitnessState = createMemoryWitnessState()
 * await state.update({ origin, expected: await state.read(origin), next: { size, rootHash } })
 */
export type WitnessState = {
  /** The recorded state of `origin`, or `undefined` if the witness never cosigned for it. */
  read(origin: string): Promise<WitnessLogState | undefined>
  /**
   * Records `next` for `origin` if, and only if, the recorded state still equals `expected` (same size and root,
   * or both absent), durably before resolving. Resolves to whether it did.
   */
  update(parameters: {
    origin: string
    expected: WitnessLogState | undefined
    next: WitnessLogState
  }): Promise<boolean>
}
