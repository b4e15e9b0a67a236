import { bestProvenance } from './bestProvenance.ts'
import { findValue } from './findValue.ts'
import type { Provenance } from './Provenance.ts'
import type { Segment } from './Segment.ts'
import type { TaintLedger } from './TaintLedger.ts'
import { worstProvenance } from './worstProvenance.ts'

/**
 * Creates a session's {@link TaintLedger}, optionally seeded with segments.
 *
 * @example
 * const ledger = createTaintLedger([{ id: 'task', provenance: 'user', text: task }])
 * const to = ledger.derive(proposedAddress) // { value, provenance, sources }
 */
export function createTaintLedger(initial: Segment[] = []): TaintLedger {
  const segments: Segment[] = [...initial]
  const derive = <T extends string | number | bigint>(value: T) => {
    const hits = segments.filter((s) => findValue(s.text, value))
    const provenance: Provenance = bestProvenance(hits.map((h) => h.provenance)) ?? 'agent'
    return { value, provenance, sources: hits.filter((h) => h.provenance === provenance).map((h) => h.id) }
  }
  const leaves = (value: unknown, out: (string | number)[]) => {
    if (typeof value === 'string' || typeof value === 'number') out.push(value)
    else if (Array.isArray(value)) for (const v of value) leaves(v, out)
    else if (value && typeof value === 'object') for (const v of Object.values(value)) leaves(v, out)
    return out
  }
  return {
    segments,
    add: (segment) => {
      segments.push(segment)
    },
    derive,
    deriveAll: (value) => worstProvenance(leaves(value, []).map((leaf) => derive(leaf).provenance)),
  }
}
