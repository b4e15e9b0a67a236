import { describe, expect, it } from 'vitest'
import { InvalidInputError } from '../errors/AuditError.ts'
import { createMemoryStorage } from '../storage/createMemoryStorage.ts'
import { emptyRoot } from '../tree/emptyRoot.ts'
import { hashChildren } from '../tree/hashChildren.ts'
import { hashLeaf } from '../tree/hashLeaf.ts'
import { encodeEntryBundle } from './encodeEntryBundle.ts'
import { parseTilePath } from './parseTilePath.ts'
import { readTile } from './readTile.ts'

// RFC 6962 §2.1 MTH, the reference the tiles must match.
const mth = (d: Uint8Array[]): Uint8Array => {
  if (d.length === 0) return emptyRoot()
  if (d.length === 1) return d[0]!
  const k = 2 ** Math.floor(Math.log2(d.length - 1))
  return hashChildren(mth(d.slice(0, k)), mth(d.slice(k)))
}
const concat = (hashes: Uint8Array[]) => new Uint8Array(Buffer.concat(hashes))

describe('readTile', async () => {
  const data = Array.from({ length: 600 }, (_, i) => new TextEncoder().encode(`entry ${i}`))
  const leaves = data.map(hashLeaf)
  const storage = createMemoryStorage({ origin: 'test/log' })
  await storage.appendEntries(data.map((d) => ({ data: d })))
  const read = (path: string, size = 600) => readTile(storage, { tile: parseTilePath(path), size })

  it('serves level-0 tiles as the leaf hashes, full and partial (any width up to the tree)', async () => {
    expect(await read('tile/0/001')).toEqual(concat(leaves.slice(256, 512)))
    expect(await read('tile/0/002.p/88')).toEqual(concat(leaves.slice(512, 600)))
    expect(await read('tile/0/002.p/10')).toEqual(concat(leaves.slice(512, 522)))
    expect(await read('tile/0/000.p/3')).toEqual(concat(leaves.slice(0, 3)))
  })

  it('serves level-1 tiles as the hashes of full level-0 tiles', async () => {
    expect(await read('tile/1/000.p/2')).toEqual(
      concat([mth(leaves.slice(0, 256)), mth(leaves.slice(256, 512))]),
    )
    expect(await read('tile/1/000.p/1', 300)).toEqual(mth(leaves.slice(0, 256)))
  })

  it('serves entry bundles', async () => {
    expect(await read('tile/entries/002.p/88')).toEqual(encodeEntryBundle(data.slice(512)))
    expect(await read('tile/entries/000')).toEqual(encodeEntryBundle(data.slice(0, 256)))
  })

  it('refuses tiles the tree does not cover', async () => {
    for (const [path, size] of [
      ['tile/0/002', 600],
      ['tile/0/002.p/89', 600],
      ['tile/1/000.p/3', 600],
      ['tile/1/000', 600],
      ['tile/2/000.p/1', 600],
      ['tile/entries/002', 600],
      ['tile/0/001', 511],
      ['tile/0/000.p/1', 0],
    ] as const) {
      await expect(read(path, size), path).rejects.toThrow(InvalidInputError)
    }
  })
})
