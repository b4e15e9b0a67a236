import { describe, expect, it } from 'vitest'
import { HttpError } from '../errors/HttpError.ts'
import { createMemoryStorage } from '../storage/createMemoryStorage.ts'
import { parseTilePath } from '../tiles/parseTilePath.ts'
import { readTile } from '../tiles/readTile.ts'
import { proveConsistency } from '../tree/proveConsistency.ts'
import { proveInclusion } from '../tree/proveInclusion.ts'
import { createLogApp } from './createLogApp.ts'
import { createLogClient } from './createLogClient.ts'

describe('createLogClient', async () => {
  const storage = createMemoryStorage({ origin: 'test/log' })
  await storage.appendEntries(Array.from({ length: 300 }, (_, i) => ({ data: new Uint8Array([i % 256]) })))
  await storage.putCheckpoint({ size: 300, note: 'cp\n' })
  const app = createLogApp({ storage })
  const client = createLogClient({
    url: 'http://log.test/prefix',
    fetch: async (input, init) => {
      const url = new URL(input)
      return app.request(url.pathname.replace(/^\/prefix/, '') + url.search, init)
    },
  })

  it('reads the checkpoint, tiles, bundles and proofs', async () => {
    expect(client.url).toBe('http://log.test/prefix/')
    expect(await client.checkpoint()).toBe('cp\n')
    for (const path of ['tile/0/000', 'tile/entries/001.p/44', 'tile/1/000.p/1']) {
      const tile = parseTilePath(path)
      expect(await client.tile(tile)).toEqual(await readTile(storage, { tile, size: 300 }))
    }
    expect(await client.inclusionProof({ index: 7, size: 300 })).toEqual(
      await proveInclusion(storage, { index: 7, size: 300 }),
    )
    expect(await client.consistencyProof({ from: 9, to: 300 })).toEqual(
      await proveConsistency(storage, { size1: 9, size2: 300 }),
    )
  })

  it('throws HttpError with the status and the server code', async () => {
    await expect(client.tile(parseTilePath('tile/0/001'))).rejects.toMatchObject({
      status: 404,
      code: 'beyond-tree',
    })
    await expect(client.inclusionProof({ index: 300, size: 300 })).rejects.toMatchObject({
      status: 400,
      code: 'invalid-parameter',
    })
    const down = createLogClient({
      url: 'http://log.test/',
      fetch: async () => Promise.reject(new Error('ECONNREFUSED')),
    })
    await expect(down.checkpoint()).rejects.toMatchObject({ status: 0, code: 'network' })
    await expect(down.checkpoint()).rejects.toThrow(HttpError)
  })

  it('rejects malformed proof answers', async () => {
    for (const body of [
      'not json',
      null,
      {},
      { proof: ['AAAA'] },
      { proof: [1] },
      { proof: [`${Buffer.alloc(32).toString('base64')}x`] },
    ]) {
      const odd = createLogClient({
        url: 'http://log.test/',
        fetch: async () => (typeof body === 'string' ? new Response(body) : Response.json(body)),
      })
      await expect(odd.consistencyProof({ from: 1, to: 2 })).rejects.toThrow(/malformed proof/)
    }
  })

  it('refuses answers longer than the resource can be, without reading them whole', async () => {
    let pulled = 0
    const endless = createLogClient({
      url: 'http://log.test/',
      fetch: async () =>
        new Response(
          new ReadableStream({
            pull(controller) {
              pulled++
              controller.enqueue(new Uint8Array(4096))
            },
          }),
        ),
    })
    await expect(endless.tile(parseTilePath('tile/0/000'))).rejects.toMatchObject({ code: 'too-large' })
    await expect(endless.checkpoint()).rejects.toMatchObject({ code: 'too-large' })
    expect(pulled).toBeLessThan(400)
    const long = createLogClient({
      url: 'http://log.test/',
      fetch: async () => new Response(new Uint8Array(8193)),
    })
    await expect(long.tile(parseTilePath('tile/0/000'))).rejects.toMatchObject({ code: 'too-large' })
    const exact = createLogClient({
      url: 'http://log.test/',
      fetch: async () => new Response(new Uint8Array(8192)),
    })
    expect((await exact.tile(parseTilePath('tile/0/000'))).length).toBe(8192)
  })

  it('rethrows an abort as the signal reason', async () => {
    const controller = new AbortController()
    const aborted = createLogClient({
      url: 'http://log.test/',
      signal: controller.signal,
      fetch: (_input, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
        ),
    })
    const pending = aborted.checkpoint()
    controller.abort(new Error('stop now'))
    await expect(pending).rejects.toThrow('stop now')
  })
})
