import { InvalidInputError } from '../errors/AuditError.ts'
import { TILE_WIDTH } from './constants.ts'
import type { Tile } from './Tile.ts'
import { tileForSize } from './tileForSize.ts'

/** Parameters of {@link tilesForSize}. */
export type TilesForSizeParameters = {
  /** Tree size. */
  size: number
  /** Only tiles whose entries are not all below this tree size (the tiles that changed since `from`). */
  from?: number
}

/**
 * Every resource a log of `size` entries serves, widest version only: the entry bundles, then the hash tiles
 * level by level (the full ones and at most one partial one per level). With `from`, only those that are new
 * or wider than in the tree of `from` entries — what a mirror or static publisher fetches or writes next.
 *
 * @example
 * [...tilesForSize({ size: 256 })].map(tilePath) // ['tile/entries/000', 'tile/0/000', 'tile/1/000.p/1']
 */
export function* tilesForSize({ size, from = 0 }: TilesForSizeParameters): Generator<Tile> {
  if (!Number.isSafeInteger(size) || !Number.isSafeInteger(from) || from < 0 || from > size) {
    throw new InvalidInputError('invalid tree sizes', { details: `from ${from}, size ${size}` })
  }
  for (let level = -1; Math.floor(size / TILE_WIDTH ** Math.max(level, 0)) > 0; level++) {
    const kind = level < 0 ? 'entries' : 'hashes'
    const at = Math.max(level, 0)
    const first = Math.floor(Math.floor(from / TILE_WIDTH ** at) / TILE_WIDTH)
    for (let index = first; ; index++) {
      const tile = tileForSize({ kind, level: at, index, size })
      if (!tile) break
      const old = tileForSize({ kind, level: at, index, size: from })
      if (old?.width !== tile.width) yield tile
    }
  }
}
