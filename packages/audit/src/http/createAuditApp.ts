import type { Hono } from 'hono'
import type { AuditLog } from '../log/AuditLog.ts'
import { buildReceipt } from '../receipt/buildReceipt.ts'
import { createLogApp } from './createLogApp.ts'
import { parseDecimal } from './parseDecimal.ts'

/** Parameters of {@link createAuditApp}. */
export type CreateAuditAppParameters = {
  log: AuditLog
  /** Bearer tokens for `POST /add`; without any, the log is served read-only. */
  tokens?: readonly string[]
  /** Largest entry `POST /add` accepts. */
  maxEntrySize?: number
}

/**
 * The audit log's public HTTP API: tlog-tiles reads and JSON proofs (see `createLogApp`), token-gated appends,
 * and `GET /receipt/<index>`: the entry's C2SP tlog-proof against the latest checkpoint (`text/plain`).
 *
 * @example
 * const { url } = await serve({ app: createAuditApp({ log, tokens: [token] }) })
 */
export function createAuditApp({ log, tokens = [], maxEntrySize }: CreateAuditAppParameters): Hono {
  return createLogApp({
    storage: log.storage,
    ...(tokens.length > 0 ? { append: (data: Uint8Array) => log.append(data), tokens } : {}),
    ...(maxEntrySize !== undefined ? { maxEntrySize } : {}),
    routes: (app) => {
      app.get('/receipt/:index', async (c) => {
        const index = parseDecimal(c.req.param('index'), 'index')
        const receipt = await buildReceipt(log.storage, { index })
        return c.text(receipt, 200, { 'cache-control': 'no-cache' })
      })
    },
  })
}
