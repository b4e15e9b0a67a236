import { encodeBase64 } from '@sextant/audit/encoding/encodeBase64'
import type { Hono } from 'hono'
import { parseIndex } from '../app/parseIndex.ts'
import { ApiError } from '../errors/ServerError.ts'
import type { ModuleContext } from '../modules/ServerModule.ts'
import type { AuditModuleState } from './AuditModuleState.ts'
import { entrySummary } from './entrySummary.ts'
import { readAnchors } from './readAnchors.ts'

/**
 * The audit module's JSON routes (documented in `auditPaths`): summary, anchors, entries, one entry with its
 * receipt, disclosure and erasure (token), monitor findings.
 *
 * @example
 * auditRoutes(app, context, state)
 */
export function auditRoutes(app: Hono, { hub, requireToken }: ModuleContext, state: AuditModuleState): void {
  const { log } = state
  const inRange = async (index: number) => {
    const size = await log.storage.size()
    if (index >= size) {
      throw new ApiError('no such entry', { status: 404, code: 'not-found', details: `${index} >= ${size}` })
    }
  }

  app.get('/summary', async (c) => {
    const checkpoint = await log.storage.latestCheckpoint()
    return c.json({
      origin: log.origin,
      verifierKey: log.verifierKey,
      size: await log.storage.size(),
      checkpoint: checkpoint ?? null,
      anchor: state.anchor
        ? { address: state.anchor.address, logId: state.anchor.logId, chainId: state.chainId ?? null }
        : null,
      monitor: { ...state.monitor, alerts: state.findings.filter((f) => f.type === 'alert').length },
    })
  })

  app.get('/anchors', async (c) => {
    if (!state.anchor) return c.json({ anchors: [] })
    const anchors = await readAnchors(state.anchor)
    const withNotes = await Promise.all(
      anchors.map(async (a) => ({ ...a, note: (await log.storage.getCheckpoint(a.size))?.note ?? null })),
    )
    return c.json({ anchors: withNotes.reverse() })
  })

  app.get('/entries', async (c) => {
    const size = await log.storage.size()
    const limit = Math.min(parseIndex(c.req.query('limit'), 'limit', 50), 500)
    const end = Math.min(parseIndex(c.req.query('before'), 'before', size), size)
    const start = Math.max(0, end - limit)
    const entries = await log.storage.readEntries(start, end)
    const summaries = await Promise.all(
      entries.map(async (entry, i) =>
        entrySummary(start + i, entry, (await log.storage.getSecret(start + i)) !== undefined),
      ),
    )
    return c.json({ size, entries: summaries.reverse() })
  })

  app.get('/entries/:index', async (c) => {
    const index = parseIndex(c.req.param('index'), 'index')
    await inRange(index)
    const [entry] = await log.storage.readEntries(index, index + 1)
    const summary = entrySummary(index, entry!, (await log.storage.getSecret(index)) !== undefined)
    const privateFields =
      summary.private && summary.kind === 'ai-event'
        ? Object.keys((await log.readEvent(index)).private ?? {})
        : []
    return c.json({
      ...summary,
      privateFields,
      entry: encodeBase64(entry!),
      receipt: await log.receipt(index),
    })
  })

  app.post('/entries/:index/disclose', requireToken, async (c) => {
    const index = parseIndex(c.req.param('index'), 'index')
    const body = (await c.req.json().catch(() => undefined)) as { fields?: unknown } | undefined
    const fields = body?.fields
    if (!Array.isArray(fields) || fields.length === 0 || !fields.every((f) => typeof f === 'string')) {
      throw new ApiError('fields must be a non-empty array of field names', {
        status: 400,
        code: 'invalid-body',
      })
    }
    await inRange(index)
    if ((await log.storage.getSecret(index)) === undefined) {
      throw new ApiError('no private data for this entry (erased or opaque)', {
        status: 409,
        code: 'no-secret',
      })
    }
    const disclosure = await log.disclose(index, fields as string[])
    hub.publish('audit', 'disclosed', { index, fields })
    return c.json(disclosure)
  })

  app.post('/entries/:index/erase', requireToken, async (c) => {
    const index = parseIndex(c.req.param('index'), 'index')
    await inRange(index)
    const erased = await log.erase(index)
    hub.publish('audit', 'erased', { index, erased })
    return c.json({ index, erased })
  })

  app.get('/alerts', (c) => c.json({ monitor: state.monitor, findings: [...state.findings].reverse() }))
}
