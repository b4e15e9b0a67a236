/**
 * Height of a tlog-tiles tile in tree levels: tile level L holds the hashes at tree level 8L.
 *
 * @example
 * storedHashIndex(TILE_HEIGHT * level, n)
 */
export const TILE_HEIGHT = 8

/**
 * Width of a full tile (and of a full entry bundle): 2^TILE_HEIGHT = 256 hashes or entries.
 *
 * @example
 * const start = tile.index * TILE_WIDTH
 */
export const TILE_WIDTH = 256

/**
 * Size in bytes of one SHA-256 tree hash in a tile.
 *
 * @example
 * const width = data.length / HASH_SIZE
 */
export const HASH_SIZE = 32

/**
 * Largest entry an entry bundle can carry: each entry is prefixed with a big-endian uint16 length.
 *
 * @example
 * if (data.length > MAX_ENTRY_SIZE) throw new InvalidInputError('entry too large')
 */
export const MAX_ENTRY_SIZE = 65535
