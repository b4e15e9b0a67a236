import { sameWitnessLogState } from './sameWitnessLogState.ts'
import type { WitnessLogState } from './WitnessLogState.ts'
import type { WitnessState } from './WitnessState.ts'

/**
 * An in-memory {@link WitnessState}, for tests and for witnesses that may forget (which weakens what their
 * cosignatures mean: after a restart they accept any checkpoint again).
 *
 * @example
 * const witness = createWitness({ cosigners, logs, state: createMemoryWitnessState() })
 */
export function createMemoryWitnessState(): WitnessState {
  const logs = new Map<string, WitnessLogState>()
  return {
    async read(origin) {
      const state = logs.get(origin)
      return state && { size: state.size, rootHash: state.rootHash.slice() }
    },
    async update({ origin, expected, next }) {
      if (!sameWitnessLogState(logs.get(origin), expected)) return false
      logs.set(origin, { size: next.size, rootHash: next.rootHash.slice() })
      return true
    },
  }
}
