import { InvalidInputError, ProofError } from '../errors/AuditError.ts'
import { equalBytes } from '../tree/chain.ts'
import type { HashReader } from '../tree/HashReader.ts'
import { hashChildren } from '../tree/hashChildren.ts'
import { storedHashCount } from '../tree/storedHashCount.ts'
import { storedHashIndex } from '../tree/storedHashIndex.ts'
import { subtreeIndexes } from '../tree/subtrees.ts'
import { HASH_SIZE, TILE_HEIGHT, TILE_WIDTH } from './constants.ts'
import type { Tile } from './Tile.ts'
import { tileForIndex } from './tileForIndex.ts'
import { tileForSize } from './tileForSize.ts'
import { tilePath } from './tilePath.ts'

/** Parameters of {@link createTileHashReader}. */
export type CreateTileHashReaderParameters = {
  /** Size of the trusted tree (from a verified checkpoint). */
  size: number
  /** Root hash of the trusted tree. */
  rootHash: Uint8Array
  /** Fetches hash tiles (e.g. over HTTP); their bytes are untrusted until authenticated here. */
  readTiles: (tiles: Tile[]) => Promise<Uint8Array[]>
}

/**
 * A {@link HashReader} over the tiles of a tree whose root is trusted (golang.org/x/mod/sumdb/tlog
 * TileHashReader). Each call fetches the tiles holding the requested hashes plus the tiles needed to
 * authenticate them, checks the right-edge tiles against the root and every other tile against the hash of it
 * in its parent tile, and only then answers. So proofs built on it (`proveInclusion`, `proveConsistency`,
 * `treeHash` at a smaller size) are proven against the checkpoint; a tile that does not match throws
 * {@link ProofError}.
 *
 * @example
 * const reader = createTileHashReader({ size, rootHash, readTiles: (tiles) => Promise.all(tiles.map(client.tile)) })
 * const oldRoot = await treeHash(reader, { size: 1000 }) // consistency with an older checkpoint
 */
export function createTileHashReader({
  size,
  rootHash,
  readTiles,
}: CreateTileHashReaderParameters): HashReader {
  const parent = (tile: Tile, k: number) =>
    tileForSize({
      kind: 'hashes',
      level: tile.level + k,
      index: Math.floor(tile.index / TILE_WIDTH ** k),
      size,
    })
  const limit = storedHashCount(size)

  return {
    async readHashes(indexes) {
      const order = new Map<string, number>()
      const tiles: Tile[] = []
      const add = (tile: Tile) => {
        order.set(tilePath(tile), tiles.length)
        tiles.push(tile)
        return tiles.length - 1
      }
      const find = (tile: Tile | undefined) => (tile ? order.get(tilePath(tile)) : undefined)

      // The right-edge tiles, authenticated by recomputing the root from them.
      const rootIndexes = size > 0 ? subtreeIndexes(0, size, []) : []
      const rootOrder = rootIndexes.map((x) => {
        const tile = parent(tileForIndex(x).tile, 0)!
        return find(tile) ?? add(tile)
      })
      const rootTiles = tiles.length

      // The tiles holding the requested hashes, and their ancestors up to one already planned.
      const indexOrder = indexes.map((x) => {
        if (!Number.isSafeInteger(x) || x < 0 || x >= limit) {
          throw new InvalidInputError('hash not in the tree', {
            details: `storage index ${x}, tree size ${size}`,
          })
        }
        const { tile } = tileForIndex(x)
        let k = 0
        while (find(parent(tile, k)) === undefined) k++
        let at = find(parent(tile, k))!
        for (k--; k >= 0; k--) {
          const below = parent(tile, k)!
          // Only full tiles have a parent to authenticate them.
          if (below.width !== TILE_WIDTH) throw new ProofError('bad tile math', { details: tilePath(below) })
          at = add(below)
        }
        return at
      })

      const data = await readTiles(tiles)
      if (data.length !== tiles.length) {
        throw new ProofError('tile reader returned the wrong number of tiles', {
          details: `${data.length} for ${tiles.length}`,
        })
      }
      tiles.forEach((tile, i) => {
        if (data[i]?.length !== tile.width * HASH_SIZE) {
          throw new ProofError('tile has the wrong length', {
            details: `${tilePath(tile)}: ${data[i]?.length} bytes, want ${tile.width * HASH_SIZE}`,
          })
        }
      })

      if (rootIndexes.length > 0) {
        const last = rootIndexes.length - 1
        let root = hashFromTile(tiles[rootOrder[last]!]!, data[rootOrder[last]!]!, rootIndexes[last]!)
        for (let i = last - 1; i >= 0; i--) {
          root = hashChildren(
            hashFromTile(tiles[rootOrder[i]!]!, data[rootOrder[i]!]!, rootIndexes[i]!),
            root,
          )
        }
        if (!equalBytes(root, rootHash)) {
          throw new ProofError('downloaded inconsistent tile', {
            details: 'the right-edge tiles do not hash to the root',
          })
        }
      }
      // Every other tile is full and has its parent planned before it: check it against the parent's hash of it.
      for (let i = rootTiles; i < tiles.length; i++) {
        const tile = tiles[i]!
        const up = parent(tile, 1)!
        const j = find(up)!
        const expected = hashFromTile(up, data[j]!, storedHashIndex(TILE_HEIGHT * up.level, tile.index))
        if (!equalBytes(subtreeOfTile(data[i]!), expected)) {
          throw new ProofError('downloaded inconsistent tile', { details: tilePath(tile) })
        }
      }
      return indexes.map((x, i) => hashFromTile(tiles[indexOrder[i]!]!, data[indexOrder[i]!]!, x))
    },
  }
}

/** The hash at storage index `index`, read or recomputed from `tile`'s data (which must contain it). */
function hashFromTile(tile: Tile, data: Uint8Array, index: number): Uint8Array {
  const { tile: needed, start, end } = tileForIndex(index)
  if (needed.level !== tile.level || needed.index !== tile.index || needed.width > tile.width) {
    throw new ProofError('hash is not in this tile', { details: `storage index ${index}, ${tilePath(tile)}` })
  }
  return subtreeOfTile(data.subarray(start, end))
}

/** Merkle hash of 2^k consecutive hashes. */
function subtreeOfTile(data: Uint8Array): Uint8Array {
  if (data.length === HASH_SIZE) return data.slice()
  const half = data.length / 2
  return hashChildren(subtreeOfTile(data.subarray(0, half)), subtreeOfTile(data.subarray(half)))
}
