import { randomBytes } from 'node:crypto'
import { afterEach, expect, it } from 'vitest'
import { InvalidInputError } from '../errors/AuditError.ts'
import { createMemoryTree } from '../tree/createMemoryTree.ts'
import { hashLeaf } from '../tree/hashLeaf.ts'
import { storedHashCount } from '../tree/storedHashCount.ts'
import { treeHash } from '../tree/treeHash.ts'
import type { LogStorage, NewEntry } from './LogStorage.ts'

/** Parameters of {@link storageSuite}. */
export type StorageSuiteParameters = {
  /** Opens the log `origin` of the backend under test; every origin opened lives in one shared database. */
  open: (origin: string) => Promise<LogStorage>
}

const text = (s: string): Uint8Array => new TextEncoder().encode(s)
const entriesOf = (n: number, tag: string): NewEntry[] =>
  Array.from({ length: n }, (_, i) => ({ data: text(`${tag} entry ${i}`) }))
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i)

/**
 * The conformance suite every {@link LogStorage} backend passes: registers vitest tests for appends and dense
 * indexes, entry ranges, stored hashes against {@link createMemoryTree}, checkpoints, secrets and erasure, and
 * bad input that must change nothing. Call it inside a `describe` of the backend's test file.
 *
 * @example
 * describe('openSqliteStorage', () => {
 *   storageSuite({ open: (origin) => openSqliteStorage({ path: file, origin }) })
 * })
 */
export function storageSuite({ open }: StorageSuiteParameters): void {
  const opened: LogStorage[] = []
  let logs = 0
  const origin = () => `example.com/suite/${process.pid}/${Date.now()}/${logs++}`
  const fresh = async (name = origin()) => {
    const storage = await open(name)
    opened.push(storage)
    return storage
  }
  /** Everything observable of a log, to show that a failed call changed nothing. */
  const snapshot = async (storage: LogStorage) => {
    const size = await storage.size()
    return {
      size,
      entries: await storage.readEntries(0, size),
      hashes: await storage.readHashes(range(storedHashCount(size))),
      secrets: await Promise.all(range(size).map((i) => storage.getSecret(i))),
      checkpoint: await storage.latestCheckpoint(),
    }
  }
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((storage) => storage.close()))
  })

  it('assigns dense indexes across batches', async () => {
    const storage = await fresh()
    expect(await storage.size()).toBe(0)
    expect(await storage.appendEntries(entriesOf(3, 'a'))).toEqual({ firstIndex: 0, size: 3 })
    expect(await storage.appendEntries(entriesOf(1, 'b'))).toEqual({ firstIndex: 3, size: 4 })
    expect(await storage.appendEntries(entriesOf(5, 'c'))).toEqual({ firstIndex: 4, size: 9 })
    expect(await storage.size()).toBe(9)
    expect(await storage.readEntries(3, 5)).toEqual([text('b entry 0'), text('c entry 0')])
  })

  it('serializes concurrent appends through one handle', async () => {
    const storage = await fresh()
    const batches = range(20).map((i) => entriesOf(1 + (i % 3), `batch ${i}`))
    const results = await Promise.all(batches.map((batch) => storage.appendEntries(batch)))
    const total = batches.reduce((n, batch) => n + batch.length, 0)
    expect(await storage.size()).toBe(total)
    const starts = results.map((r) => r.firstIndex).sort((a, b) => a - b)
    expect(new Set(starts).size).toBe(batches.length)
    for (const [i, { firstIndex, size }] of results.entries()) {
      expect(size - firstIndex).toBe(batches[i]!.length)
      expect(await storage.readEntries(firstIndex, firstIndex + batches[i]!.length)).toEqual(
        batches[i]!.map((e) => e.data),
      )
    }
  })

  it('reads entry ranges and rejects ranges outside the log', async () => {
    const storage = await fresh()
    expect(await storage.readEntries(0, 0)).toEqual([])
    await expect(storage.readEntries(0, 1)).rejects.toThrow(InvalidInputError)
    const entries = entriesOf(9, 'r')
    await storage.appendEntries(entries)
    expect(await storage.readEntries(0, 9)).toEqual(entries.map((e) => e.data))
    expect(await storage.readEntries(2, 5)).toEqual(entries.slice(2, 5).map((e) => e.data))
    expect(await storage.readEntries(9, 9)).toEqual([])
    for (const [start, end] of [
      [0, 10],
      [5, 4],
      [-1, 2],
      [1.5, 3],
      [0, Number.NaN],
      [0, Number.POSITIVE_INFINITY],
    ] as const) {
      await expect(storage.readEntries(start, end)).rejects.toThrow(InvalidInputError)
    }
  })

  it('stores the hashes of createMemoryTree, whatever the batch shapes', async () => {
    for (const shape of [[1], [1, 1, 1, 1, 1], [2, 3, 5, 8], [7, 1, 16, 9], [33], [1, 31, 1, 32]]) {
      const storage = await fresh()
      const memory = createMemoryTree()
      for (const n of shape) {
        const batch = range(n).map(() => ({ data: randomBytes(1 + Math.floor(Math.random() * 300)) }))
        await storage.appendEntries(batch)
        for (const { data } of batch) await memory.append(hashLeaf(data))
      }
      const size = memory.size
      const all = range(storedHashCount(size))
      expect(await storage.readHashes(all)).toEqual(await memory.readHashes(all))
      for (let at = 1; at <= size; at++) {
        expect(await treeHash(storage, { size: at })).toEqual(await treeHash(memory, { size: at }))
      }
      await expect(storage.readHashes([all.length])).rejects.toThrow(InvalidInputError)
      await expect(storage.readHashes([-1])).rejects.toThrow(InvalidInputError)
    }
  })

  it('keeps logs of different origins apart and persists them across reopening', async () => {
    const [nameA, nameB] = [origin(), origin()]
    const a = await fresh(nameA)
    const b = await fresh(nameB)
    expect(a.origin).toBe(nameA)
    await a.appendEntries(entriesOf(3, 'a'))
    await b.appendEntries(entriesOf(2, 'b'))
    await b.putCheckpoint({ size: 2, note: 'note b' })
    expect(await a.size()).toBe(3)
    expect(await b.readEntries(0, 2)).toEqual(entriesOf(2, 'b').map((e) => e.data))
    expect(await a.latestCheckpoint()).toBeUndefined()
    const before = await snapshot(a)
    await a.close()
    const again = await fresh(nameA)
    expect(await snapshot(again)).toEqual(before)
    expect(await again.appendEntries(entriesOf(1, 'after'))).toEqual({ firstIndex: 3, size: 4 })
  })

  it('stores checkpoints, ignores repeats and rejects conflicting notes', async () => {
    const storage = await fresh()
    expect(await storage.latestCheckpoint()).toBeUndefined()
    expect(await storage.getCheckpoint(0)).toBeUndefined()
    await storage.putCheckpoint({ size: 0, note: 'empty' })
    await storage.appendEntries(entriesOf(5, 'c'))
    const before = Date.now()
    await storage.putCheckpoint({ size: 2, note: 'note two' })
    await storage.putCheckpoint({ size: 5, note: 'note five' })
    await storage.putCheckpoint({ size: 2, note: 'note two' })
    const latest = await storage.latestCheckpoint()
    expect(latest).toMatchObject({ size: 5, note: 'note five' })
    expect(latest!.createdAt).toBeGreaterThanOrEqual(before - 1000)
    expect(latest!.createdAt).toBeLessThanOrEqual(Date.now() + 1000)
    expect(await storage.getCheckpoint(2)).toMatchObject({ size: 2, note: 'note two' })
    expect(await storage.getCheckpoint(0)).toMatchObject({ size: 0, note: 'empty' })
    expect(await storage.getCheckpoint(3)).toBeUndefined()
    await expect(storage.putCheckpoint({ size: 2, note: 'forged' })).rejects.toThrow(InvalidInputError)
    await expect(storage.putCheckpoint({ size: 6, note: 'future' })).rejects.toThrow(InvalidInputError)
    await expect(storage.putCheckpoint({ size: 4, note: '' })).rejects.toThrow(InvalidInputError)
    await expect(storage.putCheckpoint({ size: -1, note: 'x' })).rejects.toThrow(InvalidInputError)
    await expect(storage.getCheckpoint(-1)).rejects.toThrow(InvalidInputError)
    expect(await storage.getCheckpoint(2)).toMatchObject({ note: 'note two' })
    expect(await storage.getCheckpoint(4)).toBeUndefined()
    expect(await storage.latestCheckpoint()).toMatchObject({ size: 5, note: 'note five' })
  })

  it('writes secrets with their entries and erases them', async () => {
    const storage = await fresh()
    const [s0, s2] = [randomBytes(32), randomBytes(48)]
    await storage.appendEntries([
      { data: text('e0'), secret: s0 },
      { data: text('e1') },
      { data: text('e2'), secret: s2 },
    ])
    expect(await storage.getSecret(0)).toEqual(new Uint8Array(s0))
    expect(await storage.getSecret(1)).toBeUndefined()
    expect(await storage.getSecret(2)).toEqual(new Uint8Array(s2))
    expect(await storage.eraseSecret(0)).toBe(true)
    expect(await storage.getSecret(0)).toBeUndefined()
    expect(await storage.eraseSecret(0)).toBe(false)
    expect(await storage.eraseSecret(1)).toBe(false)
    expect(await storage.getSecret(2)).toEqual(new Uint8Array(s2))
    expect(await storage.readEntries(0, 3)).toEqual([text('e0'), text('e1'), text('e2')])
    for (const index of [3, -1, 0.5]) {
      await expect(storage.getSecret(index)).rejects.toThrow(InvalidInputError)
      await expect(storage.eraseSecret(index)).rejects.toThrow(InvalidInputError)
    }
  })

  it('rejects bad input and changes nothing', async () => {
    const storage = await fresh()
    await storage.appendEntries([{ data: text('kept'), secret: text('kept secret') }, ...entriesOf(2, 'k')])
    await storage.putCheckpoint({ size: 3, note: 'three' })
    const before = await snapshot(storage)
    const good = { data: text('good') }
    const bad: unknown[] = [
      [],
      null,
      'not an array',
      [{ data: new Uint8Array(0) }],
      [{ data: 'text' }],
      [good, { data: null }],
      [good, null],
      [good, { data: text('x'), secret: 'secret' }],
      [good, { data: text('x'), secret: new Uint8Array(0) }],
      [good, { data: Array.from(text('x')) }],
    ]
    for (const entries of bad) {
      await expect(storage.appendEntries(entries as NewEntry[])).rejects.toThrow(InvalidInputError)
    }
    await expect(storage.readEntries(0, 4)).rejects.toThrow(InvalidInputError)
    await expect(storage.eraseSecret(3)).rejects.toThrow(InvalidInputError)
    await expect(storage.putCheckpoint({ size: 3, note: 'other' })).rejects.toThrow(InvalidInputError)
    expect(await snapshot(storage)).toEqual(before)
    expect(await storage.appendEntries([good])).toEqual({ firstIndex: 3, size: 4 })
  })
}
