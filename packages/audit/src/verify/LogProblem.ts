/**
 * What {@link verifyLog} found wrong, first in log order. `index` is the first entry concerned: the bad entry,
 * or the first entry under a bad tile or hash.
 *
 * @example
 * if (!result.ok && result.problem.kind === 'entry-hash-mismatch') console.log(result.problem.index)
 */
export type LogProblem = {
  kind:
    | 'unavailable'
    | 'bad-signature'
    | 'anchor-beyond-checkpoint'
    | 'malformed-bundle'
    | 'malformed-tile'
    | 'entry-hash-mismatch'
    | 'tile-mismatch'
    | 'anchor-mismatch'
    | 'root-mismatch'
  message: string
  /** First entry concerned. */
  index?: number
  /** Tree size concerned (anchors, root). */
  size?: number
  /** Tile level, for tile problems. */
  level?: number
  /** Path of the resource concerned. */
  path?: string
}
