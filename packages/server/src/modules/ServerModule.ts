import type { Hono, MiddlewareHandler } from 'hono'
import type { EventHub } from '../live/createEventHub.ts'
import type { OpenApiPaths } from '../openapi/OpenApiPaths.ts'

/** What the server hands a module when it mounts it. */
export type ModuleContext = {
  /** Publish live updates here; they reach every WebSocket client of `/api/live`. */
  hub: EventHub
  /** Put this in front of every route that writes: it admits only `Authorization: Bearer <token>`. */
  requireToken: MiddlewareHandler
  /** Whether an `Authorization` header carries a valid token (for reads that show more to the operator). */
  authorized(header: string | undefined): boolean
}

/**
 * One domain of the API (audit, vault, agent, forensics). The server mounts `routes` under `/api/<name>`, adds
 * `paths` (relative to that prefix) to `/openapi.json`, and mounts `raw` apps (e.g. the audit log's tlog-tiles
 * API) at their own prefixes. A domain whose package is absent simply has no module: nothing else breaks.
 *
 * @example
 * const module: ServerModule = { name: 'audit', title: 'Audit log', routes: (app) => app.get('/summary', …), paths: {} }
 */
export type ServerModule = {
  /** URL segment and WebSocket topic, e.g. `audit`. */
  name: string
  /** Human name, shown by the dashboard. */
  title: string
  /** Adds the module's routes to a sub-app mounted at `/api/<name>`. */
  routes(app: Hono, context: ModuleContext): void
  /** OpenAPI path items of those routes, keyed by path relative to `/api/<name>` (e.g. `/summary`). */
  paths: OpenApiPaths
  /** Extra apps mounted at `/<prefix>`: e.g. `{ audit: createAuditApp(…) }` serves the log's tiles at `/audit/…`. */
  raw?: Record<string, Hono>
  /** Starts background work (polling, subscriptions) once the server is listening at `url`. */
  start?(context: ModuleContext & { url: string }): void | Promise<void>
  /** Stops background work; called on shutdown. */
  close?(): void | Promise<void>
}
