import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { compress } from 'hono/compress'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { InvalidInputError } from '../errors/AuditError.ts'
import { HttpError } from '../errors/HttpError.ts'
import type { LogStorage } from '../storage/LogStorage.ts'
import { MAX_ENTRY_SIZE, TILE_WIDTH } from '../tiles/constants.ts'
import { parseTilePath } from '../tiles/parseTilePath.ts'
import { readTile } from '../tiles/readTile.ts'
import { tileForSize } from '../tiles/tileForSize.ts'
import { proveConsistency } from '../tree/proveConsistency.ts'
import { proveInclusion } from '../tree/proveInclusion.ts'
import { parseDecimal } from './parseDecimal.ts'
import { requireBearerToken } from './requireBearerToken.ts'

/** Parameters of {@link createLogApp}. */
export type CreateLogAppParameters = {
  /** Where the log is read from; only what its latest checkpoint covers is served. */
  storage: Pick<LogStorage, 'latestCheckpoint' | 'readHashes' | 'readEntries'>
  /**
   * Appends one entry durably and returns its index (the group-commit appender). Without it there is no
   * `POST /add`. Errors it throws as {@link InvalidInputError} answer 400, others 500.
   */
  append?: (data: Uint8Array) => Promise<{ index: number }>
  /** Bearer tokens admitted by `POST /add`; required with `append`. */
  tokens?: readonly string[]
  /** Largest entry `POST /add` accepts, at most (and by default) {@link MAX_ENTRY_SIZE}. */
  maxEntrySize?: number
  /** Gzip entry bundles for clients that accept it (tlog-tiles SHOULD); default true. */
  compressBundles?: boolean
  /** Adds routes to the app before it is returned, e.g. `GET /receipt/:index` (c2sp.org/tlog-proof). */
  routes?: (app: Hono) => void
  /** Observes errors answered with 500 (storage or appender failures), e.g. to log them. */
  onError?: (error: unknown) => void
}

/** Return type of {@link createLogApp}: a Hono app, servable with `serve` or mountable with `app.route`. */
export type CreateLogAppReturnType = Hono

const IMMUTABLE = 'public, max-age=31536000, immutable'

/**
 * The log's HTTP API as a Hono app: the c2sp.org/tlog-tiles read API (`GET /checkpoint`, `GET /tile/<L>/<N>`,
 * `GET /tile/entries/<N>`, with `.p/<W>` partial tiles), JSON proofs (`GET /proof/inclusion?index=&size=`,
 * `GET /proof/consistency?from=&to=`, hashes in base64) and, with `append`, `POST /add` (bearer token, raw
 * entry bytes, answers `{ index }` once durable). Bad input answers 4xx with `{ error: { code, message } }`
 * and writes nothing; only storage or appender failures answer 500.
 *
 * @example
 * const app = createLogApp({ storage, append: (data) => appender.add(data), tokens: [process.env.LOG_TOKEN!] })
 * const { url } = await serve({ app, port: 8080 })
 */
export function createLogApp({
  storage,
  append,
  tokens,
  maxEntrySize = MAX_ENTRY_SIZE,
  compressBundles = true,
  routes,
  onError,
}: CreateLogAppParameters): CreateLogAppReturnType {
  if (!Number.isInteger(maxEntrySize) || maxEntrySize < 1 || maxEntrySize > MAX_ENTRY_SIZE) {
    throw new InvalidInputError('invalid maxEntrySize', {
      details: `1..${MAX_ENTRY_SIZE}, got ${maxEntrySize}`,
    })
  }
  const app = new Hono()

  const published = async () => {
    const checkpoint = await storage.latestCheckpoint()
    if (!checkpoint)
      throw new HttpError('the log has no checkpoint yet', { status: 404, code: 'no-checkpoint' })
    return checkpoint
  }
  const withinTree = (size: number, published: number) => {
    if (size > published) {
      throw new HttpError('size beyond the published tree', {
        status: 404,
        code: 'beyond-tree',
        details: `${size} > checkpoint size ${published}`,
      })
    }
  }

  app.get('/checkpoint', async (c) => {
    const { note } = await published()
    return c.body(note, 200, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' })
  })

  if (compressBundles)
    app.use(
      '/tile/entries/*',
      compress({ encoding: 'gzip', contentTypeFilter: /^application\/octet-stream/ }),
    )
  app.get('/tile/:path{.+}', async (c) => {
    let tile: ReturnType<typeof parseTilePath>
    try {
      tile = parseTilePath(`tile/${c.req.param('path')}`)
    } catch (error) {
      throw new HttpError('malformed tile path', { status: 400, code: 'malformed-path', cause: error })
    }
    const { size } = await published()
    if ((tileForSize({ ...tile, size })?.width ?? 0) < tile.width) {
      throw new HttpError('tile beyond the checkpoint', {
        status: 404,
        code: 'beyond-tree',
        details: `size ${size}`,
      })
    }
    const data = await readTile(storage, { tile, size })
    return c.body(data as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'application/octet-stream',
      'Cache-Control': tile.width === TILE_WIDTH ? IMMUTABLE : 'public, max-age=60',
    })
  })

  app.get('/proof/inclusion', async (c) => {
    const index = parseDecimal(c.req.query('index'), 'index')
    const size = parseDecimal(c.req.query('size'), 'size')
    withinTree(size, (await published()).size)
    if (index >= size) {
      throw new HttpError('index out of range', {
        status: 400,
        code: 'invalid-parameter',
        details: `${index} >= ${size}`,
      })
    }
    const proof = await proveInclusion(storage, { index, size })
    return c.json({ index, size, proof: proof.map(base64) })
  })

  app.get('/proof/consistency', async (c) => {
    const from = parseDecimal(c.req.query('from'), 'from')
    const to = parseDecimal(c.req.query('to'), 'to')
    withinTree(to, (await published()).size)
    if (from < 1 || from > to) {
      throw new HttpError('invalid sizes', {
        status: 400,
        code: 'invalid-parameter',
        details: `need 1 <= from <= to`,
      })
    }
    const proof = await proveConsistency(storage, { size1: from, size2: to })
    return c.json({ from, to, proof: proof.map(base64) })
  })

  if (append) {
    app.post(
      '/add',
      requireBearerToken(tokens ?? []),
      bodyLimit({
        maxSize: maxEntrySize,
        onError: () => {
          throw new HttpError('entry too large', {
            status: 413,
            code: 'payload-too-large',
            details: `at most ${maxEntrySize} bytes`,
          })
        },
      }),
      async (c) => {
        const data = new Uint8Array(await c.req.arrayBuffer())
        if (data.length === 0) throw new HttpError('empty entry', { status: 400, code: 'empty-entry' })
        const { index } = await append(data)
        return c.json({ index })
      },
    )
  } else if (tokens) {
    throw new InvalidInputError('tokens given without append')
  }

  routes?.(app)

  app.notFound((c) => c.json({ error: { code: 'not-found', message: 'no such resource' } }, 404))
  app.onError((error, c) => {
    if (error instanceof HttpError) {
      return c.json(
        { error: { code: error.code, message: error.shortMessage } },
        error.status as ContentfulStatusCode,
      )
    }
    if (error instanceof InvalidInputError) {
      return c.json({ error: { code: 'invalid-input', message: error.shortMessage } }, 400)
    }
    onError?.(error)
    return c.json({ error: { code: 'internal', message: 'internal error' } }, 500)
  })
  return app
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64')
}
