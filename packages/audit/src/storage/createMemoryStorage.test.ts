import { describe, expect, it } from 'vitest'
import { InvalidInputError, StorageError } from '../errors/AuditError.ts'
import { createMemoryTree } from '../tree/createMemoryTree.ts'
import { hashLeaf } from '../tree/hashLeaf.ts'
import { proveInclusion } from '../tree/proveInclusion.ts'
import { storedHashCount } from '../tree/storedHashCount.ts'
import { treeHash } from '../tree/treeHash.ts'
import { createMemoryStorage } from './createMemoryStorage.ts'

const bytes = (s: string) => new TextEncoder().encode(s)
const entries = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => ({ data: bytes(`entry ${from + i}`) }))

describe('createMemoryStorage', () => {
  it('appends in dense order and stores exactly the tree hashes of the reference tree', async () => {
    const storage = createMemoryStorage({ origin: 'test/log' })
    const tree = createMemoryTree()
    expect(await storage.appendEntries(entries(0, 3))).toEqual({ firstIndex: 0, size: 3 })
    expect(await storage.appendEntries(entries(3, 1500))).toEqual({ firstIndex: 3, size: 1503 })
    for (const { data } of entries(0, 1503)) await tree.append(hashLeaf(data))
    const all = Array.from({ length: storedHashCount(1503) }, (_, i) => i)
    expect(await storage.readHashes(all)).toEqual(await tree.readHashes(all))
    expect(await treeHash(storage, { size: 1000 })).toEqual(await treeHash(tree, { size: 1000 }))
    expect(await proveInclusion(storage, { index: 77, size: 1503 })).toEqual(
      await proveInclusion(tree, { index: 77, size: 1503 }),
    )
    expect(await storage.readEntries(1500, 1503)).toEqual(entries(1500, 3).map((e) => e.data))
    expect(await storage.readEntries(7, 7)).toEqual([])
    expect(await storage.size()).toBe(1503)
    expect(storage.origin).toBe('test/log')
  })

  it('serializes concurrent appends', async () => {
    const storage = createMemoryStorage({ origin: 'test/log' })
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => storage.appendEntries(entries(i * 5, 5))),
    )
    expect(results.map((r) => r.firstIndex).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i * 5),
    )
    const tree = createMemoryTree()
    for (const entry of await storage.readEntries(0, 100)) await tree.append(hashLeaf(entry))
    expect(await treeHash(storage, { size: 100 })).toEqual(await treeHash(tree, { size: 100 }))
  })

  it('rejects a bad batch whole, changing nothing', async () => {
    const storage = createMemoryStorage({ origin: 'test/log' })
    await storage.appendEntries(entries(0, 2))
    const bad = [
      [{ data: bytes('ok') }, { data: 'not bytes' }],
      [{ data: bytes('ok') }, { data: new Uint8Array(65536) }],
      [{ data: bytes('ok'), secret: 'x' }],
      'not an array',
    ]
    for (const batch of bad) {
      await expect(storage.appendEntries(batch as never)).rejects.toThrow(InvalidInputError)
    }
    expect(await storage.size()).toBe(2)
    await expect(storage.readHashes([storedHashCount(2)])).rejects.toThrow(InvalidInputError)
    expect((await storage.appendEntries([{ data: new Uint8Array(65535) }])).firstIndex).toBe(2)
  })

  it('copies what it is given and what it returns', async () => {
    const storage = createMemoryStorage({ origin: 'test/log' })
    const data = bytes('original')
    const secret = bytes('secret')
    await storage.appendEntries([{ data, secret }])
    data[0] = 0
    secret[0] = 0
    const [read] = await storage.readEntries(0, 1)
    read![1] = 0
    expect(await storage.readEntries(0, 1)).toEqual([bytes('original')])
    expect(await storage.getSecret(0)).toEqual(bytes('secret'))
    const [hash] = await storage.readHashes([0])
    hash![0]! ^= 1
    expect(await storage.readHashes([0])).toEqual([hashLeaf(bytes('original'))])
  })

  it('validates ranges and indexes', async () => {
    const storage = createMemoryStorage({ origin: 'test/log' })
    await storage.appendEntries(entries(0, 4))
    for (const [start, end] of [
      [-1, 2],
      [3, 2],
      [0, 5],
      [0.5, 2],
      [Number.NaN, 1],
    ]) {
      await expect(storage.readEntries(start!, end!)).rejects.toThrow(InvalidInputError)
    }
    await expect(storage.readHashes([-1])).rejects.toThrow(InvalidInputError)
    await expect(storage.getSecret(4)).rejects.toThrow(/out of range/)
    await expect(storage.eraseSecret(-1)).rejects.toThrow(/out of range/)
    await expect(storage.getCheckpoint(-1)).rejects.toThrow(/out of range/)
    expect(() => createMemoryStorage({ origin: '' })).toThrow(/invalid origin/)
    expect(() => createMemoryStorage({ origin: 'a\nb' })).toThrow(/invalid origin/)
  })

  it('stores checkpoints: idempotent per note, conflicting notes rejected, latest by size', async () => {
    let clock = 1000
    const storage = createMemoryStorage({ origin: 'test/log', now: () => clock++ })
    expect(await storage.latestCheckpoint()).toBeUndefined()
    await storage.appendEntries(entries(0, 10))
    await storage.putCheckpoint({ size: 5, note: 'five' })
    await storage.putCheckpoint({ size: 10, note: 'ten' })
    await storage.putCheckpoint({ size: 5, note: 'five' })
    await expect(storage.putCheckpoint({ size: 5, note: 'other five' })).rejects.toThrow(
      /different checkpoint/,
    )
    await expect(storage.putCheckpoint({ size: 11, note: 'eleven' })).rejects.toThrow(/out of range/)
    await expect(storage.putCheckpoint({ size: 3, note: '' })).rejects.toThrow(/empty checkpoint/)
    await storage.putCheckpoint({ size: 0, note: 'zero' })
    expect(await storage.latestCheckpoint()).toEqual({ size: 10, note: 'ten', createdAt: 1001 })
    expect(await storage.getCheckpoint(5)).toEqual({ size: 5, note: 'five', createdAt: 1000 })
    expect(await storage.getCheckpoint(3)).toBeUndefined()
  })

  it('erases secrets for good', async () => {
    const storage = createMemoryStorage({ origin: 'test/log' })
    await storage.appendEntries([{ data: bytes('a'), secret: bytes('key a') }, { data: bytes('b') }])
    expect(await storage.getSecret(0)).toEqual(bytes('key a'))
    expect(await storage.getSecret(1)).toBeUndefined()
    expect(await storage.eraseSecret(0)).toBe(true)
    expect(await storage.eraseSecret(0)).toBe(false)
    expect(await storage.eraseSecret(1)).toBe(false)
    expect(await storage.getSecret(0)).toBeUndefined()
    expect(await storage.readEntries(0, 1)).toEqual([bytes('a')])
  })

  it('refuses every call once closed', async () => {
    const storage = createMemoryStorage({ origin: 'test/log' })
    await storage.close()
    await storage.close()
    await expect(storage.size()).rejects.toThrow(StorageError)
    await expect(storage.appendEntries(entries(0, 1))).rejects.toThrow(/closed/)
    await expect(storage.readHashes([])).rejects.toThrow(/closed/)
  })
})
