import { AuditError, ProofError } from '../errors/AuditError.ts'
import { HttpError } from '../errors/HttpError.ts'
import { HASH_SIZE, MAX_ENTRY_SIZE } from '../tiles/constants.ts'
import type { Tile } from '../tiles/Tile.ts'
import { tilePath } from '../tiles/tilePath.ts'

/** Largest checkpoint or proof answer read (a hostile log must not make a verifier buffer without bound). */
const MAX_SMALL_RESPONSE = 1 << 20
const decoder = new TextDecoder()

/** A `fetch`-compatible function (global `fetch`, or `(url, init) => app.request(url, init)` in tests). */
export type FetchFunction = (input: string, init?: RequestInit) => Promise<Response>

/** Parameters of {@link createLogClient}. */
export type CreateLogClientParameters = {
  /** The log's prefix, e.g. `https://log.example.com/audit/` (a trailing slash is added if missing). */
  url: string | URL
  /** Defaults to the global `fetch`. */
  fetch?: FetchFunction
  /** Aborts every request of this client. */
  signal?: AbortSignal
}

/** Reads a log's public HTTP API. Everything it returns is untrusted until verified against a checkpoint. */
export type LogClient = {
  /** The normalized prefix. */
  readonly url: string
  /** `GET /checkpoint`: the signed checkpoint note. */
  checkpoint(): Promise<string>
  /** `GET /tile/…`: a hash tile or an entry bundle, as raw bytes. */
  tile(tile: Tile): Promise<Uint8Array>
  /** `GET /proof/inclusion`: the audit path of `index` in the tree of `size`. */
  inclusionProof(parameters: { index: number; size: number }): Promise<Uint8Array[]>
  /** `GET /proof/consistency`: the consistency proof from the tree of `from` to the tree of `to`. */
  consistencyProof(parameters: { from: number; to: number }): Promise<Uint8Array[]>
}

/**
 * A client of the log HTTP API served by `createLogApp` (tlog-tiles plus JSON proofs). A non-2xx answer
 * throws {@link HttpError} with the status and the server's error code; a network failure throws it with
 * status 0; an abort rethrows the signal's reason.
 *
 * @example
 * const client = createLogClient({ url: 'http://127.0.0.1:8080/' })
 * const note = await client.checkpoint()
 * const tile = await client.tile({ kind: 'hashes', level: 0, index: 0, width: 256 })
 */
export function createLogClient({
  url,
  fetch = globalThis.fetch,
  signal,
}: CreateLogClientParameters): LogClient {
  const base = String(url).endsWith('/') ? String(url) : `${url}/`
  // Each request gets its own signal (undici keeps a listener on a shared signal until collected); one listener
  // on the caller's signal aborts those in flight.
  const active = new Set<AbortController>()
  signal?.addEventListener('abort', () => {
    for (const controller of active) controller.abort(signal.reason)
  })
  /** GETs `path` and reads its body with `read`. */
  const get = async <T>(path: string, read: (response: Response) => Promise<T>): Promise<T> => {
    signal?.throwIfAborted()
    const controller = new AbortController()
    active.add(controller)
    try {
      let response: Response
      try {
        response = await fetch(new URL(path, base).href, { signal: controller.signal })
      } catch (cause) {
        signal?.throwIfAborted()
        throw new HttpError('request failed', { status: 0, code: 'network', details: path, cause })
      }
      if (!response.ok) {
        const body = (await response.json().catch(() => undefined)) as
          | { error?: { code?: unknown } }
          | undefined
        const code = typeof body?.error?.code === 'string' ? body.error.code : 'http-error'
        throw new HttpError(`${path}: HTTP ${response.status}`, {
          status: response.status,
          code,
          details: path,
        })
      }
      try {
        return await read(response)
      } catch (cause) {
        signal?.throwIfAborted()
        if (cause instanceof AuditError) throw cause
        throw new HttpError('reading the response failed', {
          status: response.status,
          code: 'network',
          details: path,
          cause,
        })
      }
    } finally {
      active.delete(controller)
    }
  }
  const proof = (path: string): Promise<Uint8Array[]> =>
    get(path, async (response) => {
      const text = decoder.decode(await readAtMost(response, MAX_SMALL_RESPONSE))
      let body: { proof?: unknown } | undefined
      try {
        body = JSON.parse(text)
      } catch {}
      if (!Array.isArray(body?.proof)) throw new ProofError('malformed proof response', { details: path })
      return body.proof.map((hash: unknown) => {
        const bytes = typeof hash === 'string' ? Buffer.from(hash, 'base64') : Buffer.alloc(0)
        if (bytes.length !== HASH_SIZE || bytes.toString('base64') !== hash) {
          throw new ProofError('malformed proof hash', { details: path })
        }
        return new Uint8Array(bytes)
      })
    })
  return {
    url: base,
    checkpoint: () =>
      get('checkpoint', async (response) => decoder.decode(await readAtMost(response, MAX_SMALL_RESPONSE))),
    tile: (tile) =>
      get(tilePath(tile), (response) =>
        readAtMost(response, tile.width * (tile.kind === 'hashes' ? HASH_SIZE : 2 + MAX_ENTRY_SIZE)),
      ),
    inclusionProof: ({ index, size }) => proof(`proof/inclusion?index=${index}&size=${size}`),
    consistencyProof: ({ from, to }) => proof(`proof/consistency?from=${from}&to=${to}`),
  }
}

/** Reads a response body, refusing (HttpError `too-large`) one longer than `max` bytes without reading it whole. */
async function readAtMost(response: Response, max: number): Promise<Uint8Array> {
  const reader = response.body?.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) {
    total += chunk.value.length
    if (total > max) {
      await reader?.cancel()
      throw new HttpError('response too large', {
        status: response.status,
        code: 'too-large',
        details: `over ${max} bytes`,
      })
    }
    chunks.push(chunk.value)
  }
  const body = new Uint8Array(total)
  let at = 0
  for (const chunk of chunks) {
    body.set(chunk, at)
    at += chunk.length
  }
  return body
}
