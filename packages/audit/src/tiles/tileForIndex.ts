import { splitStoredHashIndex } from '../tree/splitStoredHashIndex.ts'
import { HASH_SIZE, TILE_HEIGHT, TILE_WIDTH } from './constants.ts'
import type { Tile } from './Tile.ts'

/** Return type of {@link tileForIndex}. */
export type TileForIndexReturnType = {
  /** The narrowest hash tile from which the hash can be computed. */
  tile: Tile
  /** Byte range of the tile data whose subtree hash is the requested hash. */
  start: number
  end: number
}

/**
 * The narrowest hash tile holding, or able to recompute, the hash at a storage index (golang.org/x/mod/sumdb/tlog
 * tileForIndex): a hash at tree level 8L is read directly from a tile at level L; one at level 8L + k is the
 * subtree hash of 2^k consecutive hashes of that tile.
 *
 * @example
 * tileForIndex(storedHashIndex(3, 5)) // { tile: { kind: 'hashes', level: 0, index: 0, width: 48 }, start: 1280, end: 1536 }
 */
export function tileForIndex(index: number): TileForIndexReturnType {
  const { level: treeLevel, n } = splitStoredHashIndex(index)
  const level = Math.floor(treeLevel / TILE_HEIGHT)
  const span = 2 ** (treeLevel - level * TILE_HEIGHT)
  const tileIndex = Math.floor((n * span) / TILE_WIDTH)
  const within = n - (tileIndex * TILE_WIDTH) / span
  return {
    tile: { kind: 'hashes', level, index: tileIndex, width: (within + 1) * span },
    start: within * span * HASH_SIZE,
    end: (within + 1) * span * HASH_SIZE,
  }
}
