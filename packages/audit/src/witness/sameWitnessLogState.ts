import type { WitnessLogState } from './WitnessLogState.ts'

/**
 * Whether two recorded states are the same (equal size and root), or both absent.
 *
 * @example
 * sameWitnessLogState(undefined, undefined) // true
 */
export function sameWitnessLogState(a: WitnessLogState | undefined, b: WitnessLogState | undefined): boolean {
  if (a === undefined || b === undefined) return a === b
  return a.size === b.size && Buffer.from(a.rootHash).equals(b.rootHash)
}
