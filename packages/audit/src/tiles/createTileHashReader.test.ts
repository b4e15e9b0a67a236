import { describe, expect, it } from 'vitest'
import { InvalidInputError, ProofError } from '../errors/AuditError.ts'
import { createMemoryStorage } from '../storage/createMemoryStorage.ts'
import type { LogStorage } from '../storage/LogStorage.ts'
import { proveConsistency } from '../tree/proveConsistency.ts'
import { proveInclusion } from '../tree/proveInclusion.ts'
import { storedHashCount } from '../tree/storedHashCount.ts'
import { storedHashIndex } from '../tree/storedHashIndex.ts'
import { treeHash } from '../tree/treeHash.ts'
import { createTileHashReader } from './createTileHashReader.ts'
import { readTile } from './readTile.ts'
import type { Tile } from './Tile.ts'
import { tileForIndex } from './tileForIndex.ts'

async function logOf(size: number): Promise<LogStorage> {
  const storage = createMemoryStorage({ origin: 'test/log' })
  const entries = Array.from({ length: size }, (_, i) => ({ data: new TextEncoder().encode(`leaf ${i}`) }))
  for (let i = 0; i < size; i += 10_000) await storage.appendEntries(entries.slice(i, i + 10_000))
  return storage
}

/** A reader of the tiles of `storage` at `size`, zeroing the bytes the hash at `zeroed` is computed from. */
async function readerOf(storage: LogStorage, size: number, zeroed?: number) {
  const fetched: Tile[] = []
  const target = zeroed === undefined ? undefined : tileForIndex(zeroed)
  const reader = createTileHashReader({
    size,
    rootHash: await treeHash(storage, { size }),
    readTiles: (tiles) =>
      Promise.all(
        tiles.map(async (tile) => {
          fetched.push(tile)
          const data = await readTile(storage, { tile, size })
          if (target && tile.level === target.tile.level && tile.index === target.tile.index) {
            if (target.end <= data.length) data.fill(0, target.start, target.end)
          }
          return data
        }),
      ),
  })
  return { reader, fetched }
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i)

describe('createTileHashReader', () => {
  it('reads every stored hash, alone and all at once, and detects any tampered one', async () => {
    const storage = await logOf(600)
    for (const size of [1, 2, 7, 255, 256, 257, 300, 511, 512, 513, 600]) {
      const all = range(storedHashCount(size))
      const expected = await storage.readHashes(all)
      const { reader } = await readerOf(storage, size)
      expect(await reader.readHashes(all)).toEqual(expected)
      for (const i of all.filter((i) => i % 7 === 0 || i > all.length - 20)) {
        expect(await reader.readHashes([i])).toEqual([expected[i]])
      }
      for (const i of all.filter((i) => [7, 300].includes(size) || i % 13 === 0)) {
        const { reader: tampered } = await readerOf(storage, size, i)
        await expect(tampered.readHashes([i]), `size ${size} index ${i}`).rejects.toThrow(ProofError)
        if (i % 23 === 0) await expect(tampered.readHashes(all)).rejects.toThrow(ProofError)
      }
    }
  })

  it('authenticates deep trees through level-2 tiles', async () => {
    const size = 70_000
    const storage = await logOf(size)
    const picks = [0, 1, 255, 256, 65535, 65536, 69999]
    const indexes = [
      ...picks.map((n) => storedHashIndex(0, n)),
      storedHashIndex(8, 0),
      storedHashIndex(8, 272),
      storedHashIndex(16, 0),
      storedHashIndex(12, 16),
      storedHashIndex(3, 8000),
    ]
    const { reader, fetched } = await readerOf(storage, size)
    expect(await reader.readHashes(indexes)).toEqual(await storage.readHashes(indexes))
    expect(fetched.some((t) => t.level === 2)).toBe(true)
    for (const i of indexes) {
      const { reader: tampered } = await readerOf(storage, size, i)
      await expect(tampered.readHashes([i])).rejects.toThrow(ProofError)
    }
    const { reader: proofs } = await readerOf(storage, size)
    expect(await proveInclusion(proofs, { index: 12345, size })).toEqual(
      await proveInclusion(storage, { index: 12345, size }),
    )
    expect(await proveConsistency(proofs, { size1: 65537, size2: size })).toEqual(
      await proveConsistency(storage, { size1: 65537, size2: size }),
    )
    expect(await treeHash(proofs, { size: 1000 })).toEqual(await treeHash(storage, { size: 1000 }))
  })

  it('refuses hashes outside the tree, and tiles of the wrong length or count', async () => {
    const storage = await logOf(300)
    const { reader } = await readerOf(storage, 300)
    await expect(reader.readHashes([storedHashCount(300)])).rejects.toThrow(InvalidInputError)
    await expect(reader.readHashes([-1])).rejects.toThrow(InvalidInputError)
    const rootHash = await treeHash(storage, { size: 300 })
    const short = createTileHashReader({
      size: 300,
      rootHash,
      readTiles: async (tiles) => tiles.map((t) => new Uint8Array(t.width * 32 - 1)),
    })
    await expect(short.readHashes([0])).rejects.toThrow(/wrong length/)
    const few = createTileHashReader({ size: 300, rootHash, readTiles: async () => [] })
    await expect(few.readHashes([0])).rejects.toThrow(/wrong number/)
    const empty = createTileHashReader({ size: 0, rootHash, readTiles: async () => [] })
    await expect(empty.readHashes([0])).rejects.toThrow(InvalidInputError)
  })
})
