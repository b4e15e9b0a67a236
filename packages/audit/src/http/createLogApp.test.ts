import { gunzipSync } from 'node:zlib'
import { describe, expect, it, vi } from 'vitest'
import { InvalidInputError, StorageError } from '../errors/AuditError.ts'
import { createMemoryStorage } from '../storage/createMemoryStorage.ts'
import { parseTilePath } from '../tiles/parseTilePath.ts'
import { readTile } from '../tiles/readTile.ts'
import { hashLeaf } from '../tree/hashLeaf.ts'
import { treeHash } from '../tree/treeHash.ts'
import { verifyConsistency } from '../tree/verifyConsistency.ts'
import { verifyInclusion } from '../tree/verifyInclusion.ts'
import { createLogApp } from './createLogApp.ts'
import { parseDecimal } from './parseDecimal.ts'

const encode = (s: string) => new TextEncoder().encode(s)

async function logWith(size: number, checkpointAt = size) {
  const storage = createMemoryStorage({ origin: 'test/log' })
  await storage.appendEntries(Array.from({ length: size }, (_, i) => ({ data: encode(`entry ${i}`) })))
  if (checkpointAt > 0 || size === 0)
    await storage.putCheckpoint({ size: checkpointAt, note: `note ${checkpointAt}\n` })
  return storage
}

const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { code: string } }).error.code
const b64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'))

describe('createLogApp reads (tlog-tiles)', async () => {
  const storage = await logWith(700, 600)
  const app = createLogApp({ storage })
  const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers })

  it('serves the latest checkpoint, uncached', async () => {
    const response = await get('/checkpoint')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(response.headers.get('cache-control')).toBe('no-cache')
    expect(await response.text()).toBe('note 600\n')
  })

  it('serves full tiles as immutable and partial tiles briefly cached', async () => {
    for (const path of ['tile/0/001', 'tile/0/002.p/88', 'tile/0/002.p/3', 'tile/1/000.p/2']) {
      const response = await get(`/${path}`)
      expect(response.status, path).toBe(200)
      expect(response.headers.get('content-type')).toBe('application/octet-stream')
      expect(response.headers.get('cache-control')).toBe(
        path === 'tile/0/001' ? 'public, max-age=31536000, immutable' : 'public, max-age=60',
      )
      const expected = await readTile(storage, { tile: parseTilePath(path), size: 600 })
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(expected)
    }
  })

  it('serves entry bundles, gzipped when accepted', async () => {
    const expected = await readTile(storage, { tile: parseTilePath('tile/entries/000'), size: 600 })
    const plain = await get('/tile/entries/000')
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(new Uint8Array(await plain.arrayBuffer())).toEqual(expected)
    const gzipped = await get('/tile/entries/000', { 'accept-encoding': 'gzip' })
    expect(gzipped.headers.get('content-encoding')).toBe('gzip')
    expect(new Uint8Array(gunzipSync(new Uint8Array(await gzipped.arrayBuffer())))).toEqual(expected)
  })

  it('answers 404 for tiles beyond the checkpoint, even when storage holds them', async () => {
    for (const path of [
      'tile/0/002',
      'tile/0/002.p/89',
      'tile/entries/002.p/89',
      'tile/1/000.p/3',
      'tile/2/000.p/1',
    ]) {
      const response = await get(`/${path}`)
      expect(response.status, path).toBe(404)
      expect(await errorOf(response)).toBe('beyond-tree')
    }
  })

  it('answers 400 for malformed tile paths and 404 for unknown routes', async () => {
    for (const path of [
      'tile/0/1',
      'tile/00/000',
      'tile/0/000.p/256',
      'tile/0/x000/001',
      'tile/64/000',
      'tile/x',
    ]) {
      const response = await get(`/${path}`)
      expect(response.status, path).toBe(400)
      expect(await errorOf(response)).toBe('malformed-path')
    }
    for (const path of ['/tile', '/tile/', '/nope', '/proof']) {
      const response = await get(path)
      expect(response.status, path).toBe(404)
      expect(await errorOf(response)).toBe('not-found')
    }
  })

  it('serves inclusion proofs that verify against the checkpointed root', async () => {
    const root = await treeHash(storage, { size: 600 })
    for (const index of [0, 5, 255, 599]) {
      const response = await get(`/proof/inclusion?index=${index}&size=600`)
      expect(response.status).toBe(200)
      const body = (await response.json()) as { index: number; size: number; proof: string[] }
      expect(body.index).toBe(index)
      verifyInclusion({
        index,
        size: 600,
        leafHash: hashLeaf(encode(`entry ${index}`)),
        proof: body.proof.map(b64),
        root,
      })
    }
  })

  it('serves consistency proofs', async () => {
    const root = await treeHash(storage, { size: 600 })
    const response = await get('/proof/consistency?from=10&to=600')
    const body = (await response.json()) as { proof: string[] }
    const root1 = await treeHash(storage, { size: 10 })
    verifyConsistency({ size1: 10, size2: 600, root1, root2: root, proof: body.proof.map(b64) })
    expect(await (await get('/proof/consistency?from=600&to=600')).json()).toEqual({
      from: 600,
      to: 600,
      proof: [],
    })
  })

  it('answers 400 for bad proof parameters and 404 beyond the published tree', async () => {
    const cases: [string, number, string][] = [
      ['/proof/inclusion?index=abc&size=600', 400, 'invalid-parameter'],
      ['/proof/inclusion?index=-1&size=600', 400, 'invalid-parameter'],
      ['/proof/inclusion?index=01&size=600', 400, 'invalid-parameter'],
      ['/proof/inclusion?index=1e3&size=600', 400, 'invalid-parameter'],
      ['/proof/inclusion?index=1.5&size=600', 400, 'invalid-parameter'],
      ['/proof/inclusion?index=99999999999999999999&size=600', 400, 'invalid-parameter'],
      ['/proof/inclusion?size=600', 400, 'invalid-parameter'],
      ['/proof/inclusion?index=600&size=600', 400, 'invalid-parameter'],
      ['/proof/inclusion?index=0&size=0', 400, 'invalid-parameter'],
      ['/proof/inclusion?index=0&size=601', 404, 'beyond-tree'],
      ['/proof/consistency?from=0&to=600', 400, 'invalid-parameter'],
      ['/proof/consistency?from=500&to=400', 400, 'invalid-parameter'],
      ['/proof/consistency?from=1&to=700', 404, 'beyond-tree'],
      ['/proof/consistency?from=x&to=7', 400, 'invalid-parameter'],
    ]
    for (const [path, status, code] of cases) {
      const response = await get(path)
      expect(response.status, path).toBe(status)
      expect(await errorOf(response)).toBe(code)
    }
  })

  it('answers 404 everywhere before the first checkpoint', async () => {
    const empty = createLogApp({ storage: await logWith(3, 0) })
    for (const path of ['/checkpoint', '/tile/0/000.p/1', '/proof/inclusion?index=0&size=1']) {
      const response = await empty.request(path)
      expect(response.status).toBe(404)
      expect(await errorOf(response)).toBe('no-checkpoint')
    }
  })

  it('answers 500 without details when storage fails, and reports the error', async () => {
    const onError = vi.fn()
    const broken = createLogApp({
      storage: {
        ...storage,
        latestCheckpoint: async () => {
          throw new StorageError('disk on fire', { details: 'secret path /var/db' })
        },
      },
      onError,
    })
    const response = await broken.request('/checkpoint')
    expect(response.status).toBe(500)
    expect(await response.json()).toEqual({ error: { code: 'internal', message: 'internal error' } })
    expect(onError).toHaveBeenCalledOnce()
  })

  it('takes extra routes through the hook, with the same error shape', async () => {
    const withReceipt = createLogApp({
      storage,
      routes: (hono) =>
        hono.get('/receipt/:index', (c) => c.json({ index: parseDecimal(c.req.param('index'), 'index') })),
    })
    expect(await (await withReceipt.request('/receipt/12')).json()).toEqual({ index: 12 })
    const bad = await withReceipt.request('/receipt/x12')
    expect(bad.status).toBe(400)
    expect(await errorOf(bad)).toBe('invalid-parameter')
  })
})

describe('createLogApp writes (POST /add)', () => {
  const setup = (overrides: Partial<Parameters<typeof createLogApp>[0]> = {}) => {
    const appended: Uint8Array[] = []
    const append = vi.fn(async (data: Uint8Array) => {
      appended.push(data)
      return { index: appended.length - 1 }
    })
    const app = createLogApp({
      storage: createMemoryStorage({ origin: 'x' }),
      append,
      tokens: ['tok-1', 'tok-2'],
      ...overrides,
    })
    const post = (body: RequestInit['body'], authorization?: string) =>
      app.request('/add', {
        method: 'POST',
        body,
        headers: authorization ? { authorization } : {},
        ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
      } as RequestInit)
    return { app, append, appended, post }
  }

  it('appends the raw body for a valid bearer token and answers its index', async () => {
    const { post, appended } = setup()
    const first = await post(encode('hello'), 'Bearer tok-1')
    expect(first.status).toBe(200)
    expect(await first.json()).toEqual({ index: 0 })
    expect(await (await post(encode('world'), 'bearer tok-2')).json()).toEqual({ index: 1 })
    expect(appended).toEqual([encode('hello'), encode('world')])
  })

  it('answers 401 and writes nothing without a valid token', async () => {
    const { post, append } = setup()
    for (const authorization of [
      undefined,
      'Bearer tok-3',
      'Bearer tok-1x',
      'Bearer tok',
      'Basic tok-1',
      'tok-1',
      'Bearer ',
    ]) {
      const response = await post(encode('hello'), authorization)
      expect(response.status, authorization).toBe(401)
      expect(response.headers.get('www-authenticate')).toBe('Bearer')
      expect(await errorOf(response)).toBe('unauthorized')
    }
    expect(await (await post(new Uint8Array(100_000), 'Bearer nope')).json()).toEqual({
      error: { code: 'unauthorized', message: 'missing or invalid bearer token' },
    })
    expect(append).not.toHaveBeenCalled()
  })

  it('answers 413 over the size limit, streamed or not, and 400 for an empty body', async () => {
    const { post, append } = setup({ maxEntrySize: 16 })
    expect((await post(new Uint8Array(16), 'Bearer tok-1')).status).toBe(200)
    const large = await post(new Uint8Array(17), 'Bearer tok-1')
    expect(large.status).toBe(413)
    expect(await errorOf(large)).toBe('payload-too-large')
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 4; i++) controller.enqueue(new Uint8Array(10))
        controller.close()
      },
    })
    const streamed = await post(stream, 'Bearer tok-1')
    expect(streamed.status).toBe(413)
    const empty = await post(null, 'Bearer tok-1')
    expect(empty.status).toBe(400)
    expect(await errorOf(empty)).toBe('empty-entry')
    expect(append).toHaveBeenCalledOnce()
  })

  it('maps appender failures: invalid input 400, anything else 500', async () => {
    const onError = vi.fn()
    const { post } = setup({
      onError,
      append: async (data) => {
        if (data[0] === 1) throw new InvalidInputError('rejected by policy')
        throw new Error('database down')
      },
    })
    const rejected = await post(new Uint8Array([1]), 'Bearer tok-1')
    expect(rejected.status).toBe(400)
    expect(await errorOf(rejected)).toBe('invalid-input')
    const failed = await post(new Uint8Array([2]), 'Bearer tok-1')
    expect(failed.status).toBe(500)
    expect(onError).toHaveBeenCalledOnce()
  })

  it('has no write route without an appender, and refuses an appender without tokens', async () => {
    const readOnly = createLogApp({ storage: createMemoryStorage({ origin: 'x' }) })
    expect((await readOnly.request('/add', { method: 'POST', body: 'x' })).status).toBe(404)
    const append = async () => ({ index: 0 })
    expect(() => createLogApp({ storage: createMemoryStorage({ origin: 'x' }), append })).toThrow(
      /bearer tokens/,
    )
    expect(() =>
      createLogApp({ storage: createMemoryStorage({ origin: 'x' }), append, tokens: [''] }),
    ).toThrow(/bearer tokens/)
    expect(() => createLogApp({ storage: createMemoryStorage({ origin: 'x' }), tokens: ['t'] })).toThrow(
      /without append/,
    )
    expect(() =>
      createLogApp({ storage: createMemoryStorage({ origin: 'x' }), maxEntrySize: 65536 }),
    ).toThrow(/maxEntrySize/)
  })
})
