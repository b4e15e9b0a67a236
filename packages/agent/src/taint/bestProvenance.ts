import { type Provenance, provenances } from './Provenance.ts'

/**
 * The most trusted of some provenances, or undefined when given none: where a value found in several inputs may
 * be said to come from (a principal who stated it vouches for it, whoever else repeated it).
 *
 * @example
 * bestProvenance(['untrusted', 'user']) // 'user'
 */
export function bestProvenance(list: Iterable<Provenance>): Provenance | undefined {
  let best: number = provenances.length
  for (const p of list) best = Math.min(best, provenances.indexOf(p))
  return (provenances as readonly Provenance[])[best]
}
