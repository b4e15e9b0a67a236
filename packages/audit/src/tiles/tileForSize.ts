import { InvalidInputError } from '../errors/AuditError.ts'
import { TILE_WIDTH } from './constants.ts'
import type { Tile } from './Tile.ts'

/** Parameters of {@link tileForSize}. */
export type TileForSizeParameters = Omit<Tile, 'width'> & { size: number }

/**
 * The widest tile (or entry bundle) at this position that the tree of `size` entries has: full if the tree
 * covers it, else the partial tile of width `floor(size / 256^level) mod 256`, or `undefined` if empty.
 *
 * @example
 * tileForSize({ kind: 'hashes', level: 1, index: 0, size: 70_000 }) // { …, width: 256 }
 * tileForSize({ kind: 'hashes', level: 1, index: 1, size: 70_000 }) // { …, width: 17 }
 */
export function tileForSize({ kind, level, index, size }: TileForSizeParameters): Tile | undefined {
  if (
    !Number.isSafeInteger(size) ||
    size < 0 ||
    !Number.isSafeInteger(index) ||
    index < 0 ||
    !Number.isInteger(level) ||
    level < 0 ||
    level > 63 ||
    (kind === 'entries' && level !== 0)
  ) {
    throw new InvalidInputError('invalid tile position', {
      details: JSON.stringify({ kind, level, index, size }),
    })
  }
  const hashes = Math.floor(size / TILE_WIDTH ** level)
  const width = Math.min(TILE_WIDTH, hashes - index * TILE_WIDTH)
  return width >= 1 ? { kind, level, index, width } : undefined
}
