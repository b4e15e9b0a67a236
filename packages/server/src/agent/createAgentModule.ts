import { decodeEntry } from '@sextant/audit/events/decodeEntry'
import type { AuditLog } from '@sextant/audit/log/AuditLog'
import { ApiError } from '../errors/ServerError.ts'
import type { ServerModule } from '../modules/ServerModule.ts'
import { operation } from '../openapi/operation.ts'
import { createSessionIndex, type IndexedSession } from './createSessionIndex.ts'

const summary = (s: IndexedSession) => ({
  id: s.id,
  agent: s.agent,
  steps: s.indexes.length,
  firstIndex: s.indexes[0],
  lastIndex: s.indexes.at(-1),
  payments: s.payments,
  models: [...s.models],
})
const session = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    agent: { type: 'string' },
    steps: { type: 'integer' },
    firstIndex: { type: 'integer' },
    lastIndex: { type: 'integer' },
    payments: { type: 'object' },
    models: { type: 'array', items: { type: 'string' } },
  },
}

/**
 * The agent domain of the API, read from the audit log itself: every model call, tool call and payment decision
 * an agent runtime recorded there, grouped into sessions. A session's steps show public fields to anyone and
 * private ones (prompts, reasoning, tool I/O, recipients) only with the token; erased steps show `null`.
 * Live updates ride on the audit topic.
 *
 * @example
 * const agent = createAgentModule({ log })
 */
export function createAgentModule({ log }: { log: AuditLog }): ServerModule {
  const index = createSessionIndex(log.storage)
  return {
    name: 'agent',
    title: 'Agents',
    routes(app, { authorized }) {
      app.get('/sessions', async (c) => c.json({ sessions: (await index.sessions()).map(summary) }))
      app.get('/sessions/:id', async (c) => {
        const id = c.req.param('id')
        const found = (await index.sessions()).find((s) => s.id === id)
        if (!found) throw new ApiError('no such session', { status: 404, code: 'not-found', details: id })
        const withPrivate = authorized(c.req.header('authorization'))
        const steps = await Promise.all(
          found.indexes.map(async (i) => {
            const [entry] = await log.storage.readEntries(i, i + 1)
            const decoded = decodeEntry(entry!)
            const fields =
              decoded.kind === 'ai-event' ? (decoded.publicFields as Record<string, unknown>) : {}
            const held = withPrivate && (await log.storage.getSecret(i)) !== undefined
            return {
              index: i,
              operation: String(fields['gen_ai.operation.name'] ?? 'unknown'),
              fields,
              ...(withPrivate ? { private: held ? ((await log.readEvent(i)).private ?? {}) : null } : {}),
            }
          }),
        )
        return c.json({ ...summary(found), steps })
      })
    },
    paths: {
      '/sessions': {
        get: operation({
          tag: 'agent',
          summary: 'Agent sessions found in the audit log, most recently active first',
          response: { type: 'object', properties: { sessions: { type: 'array', items: session } } },
        }),
      },
      '/sessions/{id}': {
        get: {
          ...operation({
            tag: 'agent',
            summary:
              "A session's steps in log order; private fields (prompts, reasoning, tool I/O) only with the token",
            parameters: [{ in: 'path', name: 'id', required: true, schema: { type: 'string' } }],
            response: {
              allOf: [
                session,
                { type: 'object', properties: { steps: { type: 'array', items: { type: 'object' } } } },
              ],
            },
          }),
          security: [{}, { bearer: [] }],
        },
      },
    },
  }
}
