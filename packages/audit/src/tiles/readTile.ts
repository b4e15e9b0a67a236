import { InvalidInputError } from '../errors/AuditError.ts'
import type { LogStorage } from '../storage/LogStorage.ts'
import { storedHashIndex } from '../tree/storedHashIndex.ts'
import { HASH_SIZE, TILE_HEIGHT, TILE_WIDTH } from './constants.ts'
import { encodeEntryBundle } from './encodeEntryBundle.ts'
import type { Tile } from './Tile.ts'
import { tileForSize } from './tileForSize.ts'
import { tilePath } from './tilePath.ts'

/** Parameters of {@link readTile}. */
export type ReadTileParameters = {
  tile: Tile
  /** Size of the published tree the tile must lie in (the checkpoint's size). */
  size: number
}

/**
 * Builds a tile's bytes from storage: for a hash tile, its `width` hashes of tree level 8·level, concatenated
 * (from the stored hashes at `storedHashIndex(8·level, index·256 + i)`); for an entry bundle, its entries
 * encoded with {@link encodeEntryBundle}. Throws {@link InvalidInputError} if the tree of `size` does not
 * cover the tile.
 *
 * @example
 * const bytes = await readTile(storage, { tile: parseTilePath('tile/0/000.p/7'), size: checkpoint.size })
 */
export async function readTile(
  storage: Pick<LogStorage, 'readHashes' | 'readEntries'>,
  { tile, size }: ReadTileParameters,
): Promise<Uint8Array> {
  const path = tilePath(tile)
  const covered = tileForSize({ ...tile, size })
  if (!covered || covered.width < tile.width) {
    throw new InvalidInputError('tile beyond the tree', { details: `${path}, tree size ${size}` })
  }
  const start = tile.index * TILE_WIDTH
  if (tile.kind === 'entries') return encodeEntryBundle(await storage.readEntries(start, start + tile.width))
  const indexes = Array.from({ length: tile.width }, (_, i) =>
    storedHashIndex(TILE_HEIGHT * tile.level, start + i),
  )
  const hashes = await storage.readHashes(indexes)
  const data = new Uint8Array(tile.width * HASH_SIZE)
  hashes.forEach((hash, i) => {
    data.set(hash, i * HASH_SIZE)
  })
  return data
}
