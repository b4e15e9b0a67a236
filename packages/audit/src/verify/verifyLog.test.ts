import { describe, expect, it } from 'vitest'
import { createLogApp } from '../http/createLogApp.ts'
import { createLogClient, type FetchFunction } from '../http/createLogClient.ts'
import { serve } from '../http/serve.ts'
import { createMemoryStorage } from '../storage/createMemoryStorage.ts'
import type { LogStorage } from '../storage/LogStorage.ts'
import { encodeEntryBundle } from '../tiles/encodeEntryBundle.ts'
import { hashLeaf } from '../tree/hashLeaf.ts'
import { storedHashIndex } from '../tree/storedHashIndex.ts'
import { treeHash } from '../tree/treeHash.ts'
import { verifyInclusion } from '../tree/verifyInclusion.ts'
import { createTestLogKey } from './createTestLogKey.fixture.ts'
import { verifyLog } from './verifyLog.ts'

const key = createTestLogKey({ origin: 'test.example/log' })
const { verifyCheckpoint } = key

async function logOf(size: number): Promise<LogStorage> {
  const storage = createMemoryStorage({ origin: key.origin })
  const entries = Array.from({ length: size }, (_, i) => ({
    data: new TextEncoder().encode(`entry ${i} ${'x'.repeat(i % 13)}`),
  }))
  for (let i = 0; i < size; i += 20_000) await storage.appendEntries(entries.slice(i, i + 20_000))
  await key.checkpoint(storage)
  return storage
}

type Tamper = { entry: number; byte: number } | { hash: number; byte: number } | { checkpoint: number }

/** The same storage, but serving one byte flipped (XOR `mask`): in an entry, a stored hash, or the checkpoint. */
function tampered(storage: LogStorage, tamper: Tamper, mask = 1): LogStorage {
  return {
    ...storage,
    async readEntries(start, end) {
      const entries = await storage.readEntries(start, end)
      if ('entry' in tamper && tamper.entry >= start && tamper.entry < end) {
        entries[tamper.entry - start]![tamper.byte]! ^= mask
      }
      return entries
    },
    async readHashes(indexes) {
      const hashes = await storage.readHashes(indexes)
      indexes.forEach((index, i) => {
        if ('hash' in tamper && index === tamper.hash) hashes[i]![tamper.byte]! ^= mask
      })
      return hashes
    },
    async latestCheckpoint() {
      const checkpoint = await storage.latestCheckpoint()
      if (!checkpoint || !('checkpoint' in tamper)) return checkpoint
      const bytes = Buffer.from(checkpoint.note)
      bytes[tamper.checkpoint]! ^= mask
      return { ...checkpoint, note: new TextDecoder().decode(bytes) }
    },
  }
}

function fetchOf(storage: Parameters<typeof createLogApp>[0]['storage']): FetchFunction {
  const app = createLogApp({ storage, compressBundles: false })
  return async (input, init) => app.request(input, init)
}
const url = 'http://log.test/'

/** Deterministic PRNG (mulberry32), so a failing case can be replayed. */
function random(seed: number): (n: number) => number {
  let a = seed
  return (n) => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n)
  }
}

describe('verifyLog', () => {
  it('accepts untampered logs of every shape, with anchors', async () => {
    for (const size of [0, 1, 255, 256, 257, 700]) {
      const storage = await logOf(size)
      const anchors = await Promise.all(
        [0, 1, 256, size]
          .filter((s) => s <= size)
          .map(async (s) => ({ size: s, rootHash: await treeHash(storage, { size: s }) })),
      )
      const result = await verifyLog({
        url,
        fetch: fetchOf(storage),
        verifyCheckpoint,
        anchors,
        concurrency: 2,
      })
      expect(result, `size ${size}`).toMatchObject({ ok: true, size })
      if (result.ok) expect(result.rootHash).toEqual(await treeHash(storage, { size }))
    }
  })

  it('finds any single flipped byte of the stored log, at the right index (property test)', async () => {
    const size = 700
    const storage = await logOf(size)
    const entries = await storage.readEntries(0, size)
    const note = (await storage.latestCheckpoint())!.note
    const next = random(20261125)
    const noteLength = Buffer.byteLength(note)
    for (let trial = 0; trial < 300; trial++) {
      const mask = 1 + next(255)
      const pick = next(10)
      let tamper: Tamper
      let expected: object
      if (pick < 4) {
        const entry = next(size)
        tamper = { entry, byte: next(entries[entry]!.length) }
        expected = { kind: 'entry-hash-mismatch', index: entry }
      } else if (pick < 6) {
        const n = next(size)
        tamper = { hash: storedHashIndex(0, n), byte: next(32) }
        expected = { kind: 'entry-hash-mismatch', index: n }
      } else if (pick < 7) {
        const n = next(2)
        tamper = { hash: storedHashIndex(8, n), byte: next(32) }
        expected = { kind: 'tile-mismatch', index: n * 256, level: 1, path: 'tile/1/000.p/2' }
      } else {
        tamper = { checkpoint: next(noteLength) }
        expected = { kind: 'bad-signature' }
      }
      const result = await verifyLog({
        url,
        fetch: fetchOf(tampered(storage, tamper, mask)),
        verifyCheckpoint,
      })
      expect(result.ok, JSON.stringify({ trial, tamper, mask })).toBe(false)
      if (!result.ok) expect(result.problem, JSON.stringify({ trial, tamper, mask })).toMatchObject(expected)
    }
  })

  it('checks level-2 tiles: finds a flipped hash anywhere in the tile pyramid of a 70,000-entry log', async () => {
    const storage = await logOf(70_000)
    const fetch = fetchOf(storage)
    expect(await verifyLog({ url, fetch, verifyCheckpoint })).toMatchObject({ ok: true, size: 70_000 })
    const cases: [number, object][] = [
      [storedHashIndex(16, 0), { kind: 'tile-mismatch', index: 0, level: 2, path: 'tile/2/000.p/1' }],
      [
        storedHashIndex(8, 272),
        { kind: 'tile-mismatch', index: 272 * 256, level: 1, path: 'tile/1/001.p/17' },
      ],
      [storedHashIndex(8, 3), { kind: 'tile-mismatch', index: 3 * 256, level: 1, path: 'tile/1/000' }],
      [
        storedHashIndex(0, 69_999),
        { kind: 'entry-hash-mismatch', index: 69_999, path: 'tile/entries/273.p/112' },
      ],
    ]
    for (const [hash, expected] of cases) {
      const result = await verifyLog({
        url,
        fetch: fetchOf(tampered(storage, { hash, byte: 31 })),
        verifyCheckpoint,
      })
      expect(result.ok ? undefined : result.problem).toMatchObject(expected)
    }
  })

  it('is blind to stored hashes no tile publishes, which the proof endpoint exposes instead', async () => {
    const storage = await logOf(700)
    const hidden = tampered(storage, { hash: storedHashIndex(3, 1), byte: 0 })
    expect(await verifyLog({ url, fetch: fetchOf(hidden), verifyCheckpoint })).toMatchObject({ ok: true })
    const client = createLogClient({ url, fetch: fetchOf(hidden) })
    const proof = await client.inclusionProof({ index: 0, size: 700 })
    const root = await treeHash(storage, { size: 700 })
    const leafHash = hashLeaf((await storage.readEntries(0, 1))[0]!)
    expect(() => verifyInclusion({ index: 0, size: 700, leafHash, proof, root })).toThrow(/does not match/)
  })

  it('reports anchors that disagree or that the checkpoint is behind', async () => {
    const storage = await logOf(300)
    const fetch = fetchOf(storage)
    const good = { size: 100, rootHash: await treeHash(storage, { size: 100 }) }
    const wrong = { size: 200, rootHash: await treeHash(storage, { size: 199 }) }
    expect(await verifyLog({ url, fetch, verifyCheckpoint, anchors: [wrong, good] })).toMatchObject({
      ok: false,
      problem: { kind: 'anchor-mismatch', size: 200 },
    })
    const ahead = { size: 301, rootHash: good.rootHash }
    expect(await verifyLog({ url, fetch, verifyCheckpoint, anchors: [good, ahead] })).toMatchObject({
      ok: false,
      problem: { kind: 'anchor-beyond-checkpoint', size: 301 },
    })
    await expect(
      verifyLog({ url, fetch, verifyCheckpoint, anchors: [{ size: -1, rootHash: good.rootHash }] }),
    ).rejects.toThrow(/invalid anchor/)
  })

  it('reports a checkpoint signed over another root, or over more entries than served', async () => {
    const storage = await logOf(300)
    const other = await logOf(300)
    await other.appendEntries([{ data: new Uint8Array([1]) }])
    const lying = {
      ...storage,
      latestCheckpoint: async () => ({
        size: 300,
        note: key.signCheckpoint({ size: 300, rootHash: await treeHash(other, { size: 301 }) }),
        createdAt: 0,
      }),
    }
    expect(await verifyLog({ url, fetch: fetchOf(lying), verifyCheckpoint })).toMatchObject({
      ok: false,
      problem: { kind: 'root-mismatch', size: 300 },
    })
    const longer = {
      ...storage,
      latestCheckpoint: async () => ({
        size: 301,
        note: key.signCheckpoint({ size: 301, rootHash: await treeHash(other, { size: 301 }) }),
        createdAt: 0,
      }),
    }
    const result = await verifyLog({ url, fetch: fetchOf(longer), verifyCheckpoint })
    expect(result.ok ? undefined : result.problem).toMatchObject({ kind: 'unavailable', index: 256 })
  })

  it('reports malformed and missing resources at the first entry concerned', async () => {
    const storage = await logOf(600)
    const serve = fetchOf(storage)
    const rewrite =
      (path: string, change: (body: Uint8Array) => Uint8Array | null): FetchFunction =>
      async (input, init) => {
        const response = await serve(input, init)
        if (!input.endsWith(path)) return response
        const body = change(new Uint8Array(await response.arrayBuffer()))
        return body ? new Response(body as Uint8Array<ArrayBuffer>) : new Response('gone', { status: 404 })
      }
    const entries = await storage.readEntries(256, 512)
    const cases: [FetchFunction, object][] = [
      [
        rewrite('tile/entries/001', (b) => b.subarray(0, b.length - 1)),
        { kind: 'malformed-bundle', index: 511 },
      ],
      [
        rewrite('tile/entries/001', () => encodeEntryBundle(entries.slice(0, 100))),
        { kind: 'malformed-bundle', index: 356 },
      ],
      [
        rewrite('tile/entries/001', () => encodeEntryBundle([...entries, new Uint8Array(1)])),
        { kind: 'malformed-bundle', index: 512 },
      ],
      [
        rewrite('tile/0/001', (b) => b.subarray(1)),
        { kind: 'malformed-tile', index: 256, path: 'tile/0/001' },
      ],
      [rewrite('tile/1/000.p/2', (b) => b.subarray(32)), { kind: 'malformed-tile', index: 0 }],
      [rewrite('tile/0/002.p/88', () => null), { kind: 'unavailable', index: 512, path: 'tile/0/002.p/88' }],
      [rewrite('checkpoint', () => null), { kind: 'unavailable', path: 'checkpoint' }],
    ]
    for (const [fetch, expected] of cases) {
      const result = await verifyLog({ url, fetch, verifyCheckpoint })
      expect(result.ok ? undefined : result.problem).toMatchObject(expected)
    }
  })

  it('streams: holds at most `concurrency` bundle/tile pairs in flight', async () => {
    const storage = await logOf(20 * 256)
    const serveFetch = fetchOf(storage)
    let inFlight = 0
    let peak = 0
    const fetch: FetchFunction = async (input, init) => {
      peak = Math.max(peak, ++inFlight)
      await new Promise((resolve) => setTimeout(resolve, 1))
      try {
        return await serveFetch(input, init)
      } finally {
        inFlight--
      }
    }
    expect(await verifyLog({ url, fetch, verifyCheckpoint, concurrency: 3 })).toMatchObject({
      ok: true,
      fetched: 41,
    })
    expect(peak).toBeLessThanOrEqual(2 * 3)
  })

  it('verifies over real HTTP, and stops on abort', async () => {
    const storage = await logOf(1000)
    const server = await serve({ app: createLogApp({ storage }) })
    try {
      expect(await verifyLog({ url: server.url, verifyCheckpoint })).toMatchObject({ ok: true, size: 1000 })
      const controller = new AbortController()
      const running = verifyLog({
        url: server.url,
        verifyCheckpoint,
        signal: controller.signal,
        concurrency: 1,
      })
      controller.abort(new Error('user stop'))
      await expect(running).rejects.toThrow('user stop')
    } finally {
      await server.close()
    }
  })

  it('reports a checkpoint verifier that rejects or returns garbage as bad-signature', async () => {
    const storage = await logOf(10)
    const fetch = fetchOf(storage)
    const other = createTestLogKey({ origin: key.origin, seed: 2 })
    expect(await verifyLog({ url, fetch, verifyCheckpoint: other.verifyCheckpoint })).toMatchObject({
      ok: false,
      problem: { kind: 'bad-signature', message: expect.stringMatching(/no verified signature/) },
    })
    expect(
      await verifyLog({ url, fetch, verifyCheckpoint: () => ({ size: 10, rootHash: new Uint8Array(31) }) }),
    ).toMatchObject({ ok: false, problem: { kind: 'bad-signature' } })
  })
})
