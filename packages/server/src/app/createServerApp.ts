import { createNodeWebSocket } from '@hono/node-ws'
import { Hono, type MiddlewareHandler } from 'hono'
import { compress } from 'hono/compress'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { ApiError } from '../errors/ServerError.ts'
import { createEventHub, type EventHub } from '../live/createEventHub.ts'
import type { ModuleContext, ServerModule } from '../modules/ServerModule.ts'
import { openApiDocument } from '../openapi/openApiDocument.ts'
import { serveWeb } from '../web/serveWeb.ts'
import { createTokenCheck } from './createTokenCheck.ts'

/** Parameters of {@link createServerApp}. */
export type CreateServerAppParameters = {
  /** The domains to serve; absent packages simply contribute no module. */
  modules: readonly ServerModule[]
  /** Bearer tokens admitted by routes that write; without any, the API is read-only (writes answer 403). */
  tokens?: readonly string[]
  /** The built dashboard (`packages/web/dist/client`); served at `/` with an index.html fallback when given. */
  webRoot?: string
  /**
   * Server-side rendering of the dashboard's first page: gets the `index.html` template and a `load` that answers
   * an API path from this app (no network), resolves with the page to send.
   */
  renderIndex?: (template: string, load: (path: string) => Promise<unknown>) => Promise<string>
  /** Live-update hub; a new one by default. */
  hub?: EventHub
  /** Observes errors answered with 500. */
  onError?: (error: unknown) => void
}

/** Return type of {@link createServerApp}. */
export type CreateServerAppReturnType = {
  app: Hono
  hub: EventHub
  context: ModuleContext
  /** Attach to the Node HTTP server so `/api/live` upgrades to a WebSocket (see `startServer`). */
  websocket: ReturnType<typeof createNodeWebSocket>
}

/**
 * Composes Sextant's API: `/api/health`, `/openapi.json`, the `/api/live` WebSocket (every hub event as JSON),
 * each module under `/api/<name>` (plus its raw apps, e.g. the audit log's tlog-tiles API at `/audit/…`), and
 * the dashboard. Errors answer `{ error: { code, message } }`.
 *
 * @example
 * const { app, websocket } = createServerApp({ modules: [createAuditModule({ log })], tokens: [token] })
 */
export function createServerApp({
  modules,
  tokens = [],
  webRoot,
  renderIndex,
  hub = createEventHub(),
  onError,
}: CreateServerAppParameters): CreateServerAppReturnType {
  const names = modules.map((m) => m.name)
  if (new Set(names).size !== names.length || names.some((n) => !/^[a-z][a-z0-9-]*$/.test(n))) {
    throw new ApiError('module names must be unique lowercase words', { status: 500, code: 'config' })
  }
  const authorized = createTokenCheck(tokens)
  const requireToken: MiddlewareHandler = async (c, next) => {
    if (tokens.length === 0) {
      throw new ApiError('this server is read-only (started without a token)', {
        status: 403,
        code: 'read-only',
      })
    }
    if (!authorized(c.req.header('authorization'))) {
      c.header('WWW-Authenticate', 'Bearer')
      throw new ApiError('missing or invalid bearer token', { status: 401, code: 'unauthorized' })
    }
    await next()
  }
  const context: ModuleContext = { hub, requireToken, authorized }
  const app = new Hono()
  const websocket = createNodeWebSocket({ app })

  app.get('/api/health', (c) =>
    c.json({ ok: true, modules: modules.map(({ name, title }) => ({ name, title })) }),
  )
  app.get('/openapi.json', (c) => c.json(openApiDocument({ modules })))
  app.get(
    '/api/live',
    websocket.upgradeWebSocket(() => {
      let stop: (() => void) | undefined
      return {
        onOpen(_event, ws) {
          ws.send(
            JSON.stringify({
              seq: 0,
              topic: 'server',
              type: 'hello',
              at: Date.now(),
              data: { modules: names },
            }),
          )
          stop = hub.subscribe((event) => ws.send(JSON.stringify(event)))
        },
        onClose() {
          stop?.()
        },
        onError() {
          stop?.()
        },
      }
    }),
  )
  for (const module of modules) {
    const sub = new Hono()
    module.routes(sub, context)
    app.route(`/api/${module.name}`, sub)
    for (const [prefix, raw] of Object.entries(module.raw ?? {})) app.route(`/${prefix}`, raw)
  }
  app.all('/api/*', (c) => c.json({ error: { code: 'not-found', message: 'no such resource' } }, 404))
  if (webRoot) {
    app.use('*', compress({ encoding: 'gzip', contentTypeFilter: /^(text\/|application\/json)/ }))
    const load = async (path: string) => {
      const res = await app.request(path)
      if (!res.ok) throw new ApiError(`${path} answered ${res.status}`, { status: 500, code: 'render' })
      return res.json()
    }
    app.get(
      '*',
      serveWeb({
        root: webRoot,
        ...(renderIndex ? { renderIndex: (template: string) => renderIndex(template, load) } : {}),
      }),
    )
  }

  app.notFound((c) => c.json({ error: { code: 'not-found', message: 'no such resource' } }, 404))
  app.onError((error, c) => {
    const known = error as Partial<ApiError>
    if (typeof known.status === 'number' && known.status >= 400 && known.status < 500 && known.code) {
      return c.json(
        { error: { code: known.code, message: known.shortMessage ?? error.message } },
        known.status as ContentfulStatusCode,
      )
    }
    if (error.name === 'InvalidInputError') {
      return c.json({ error: { code: 'invalid-input', message: (error as ApiError).shortMessage } }, 400)
    }
    onError?.(error)
    return c.json({ error: { code: 'internal', message: 'internal error' } }, 500)
  })
  return { app, hub, context, websocket }
}
