import { type Provenance, provenances } from './Provenance.ts'

/**
 * The least trusted of some provenances (`user` when given none): what a value derived from all of them is
 * trusted as.
 *
 * @example
 * worstProvenance(['user', 'untrusted']) // 'untrusted'
 */
export function worstProvenance(list: Iterable<Provenance>): Provenance {
  let worst = 0
  for (const p of list) worst = Math.max(worst, provenances.indexOf(p))
  return provenances[worst]!
}
