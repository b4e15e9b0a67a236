import type { Provenance } from './Provenance.ts'
import type { Segment } from './Segment.ts'
import type { Tainted } from './Tainted.ts'

/**
 * Everything a session's model has read, by provenance, and the derivation of a proposed value's provenance
 * from it. The model's own words are never added: restating an address does not launder it.
 *
 * @example
 * const ledger = createTaintLedger()
 * ledger.add({ id: 'task', provenance: 'user', text: 'pay 0.5 ETH to 0xabc…' })
 * ledger.derive('0xabc…').provenance // 'user'
 */
export type TaintLedger = {
  readonly segments: readonly Segment[]
  add(segment: Segment): void
  /** Where `value` came from: the most trusted segment holding it, or `agent` when no input holds it. */
  derive<T extends string | number | bigint>(value: T): Tainted<T>
  /** The least trusted provenance among the string and number leaves of a JSON value (`user` for none). */
  deriveAll(value: unknown): Provenance
}
