import { ApiError } from '../errors/ServerError.ts'
import type { ServerModule } from '../modules/ServerModule.ts'
import { operation } from '../openapi/operation.ts'
import type { VaultSource } from './VaultSource.ts'

const tag = 'vault'
const approval = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    vault: { type: 'string' },
    to: { type: 'string' },
    value: { type: 'string' },
    asset: { type: 'string' },
    reason: { type: 'string' },
    createdAt: { type: 'integer' },
    expiresAt: { type: 'integer' },
    status: { enum: ['pending', 'approved', 'denied', 'expired'] },
    txHash: { type: 'string' },
  },
}
const id = { in: 'path', name: 'id', required: true, schema: { type: 'string' } }

/**
 * The vault domain of the API: guarded wallets with their policy in words and spend windows, pending approvals
 * with approve / deny (the human co-signature; token needed), and every attempt with its decision. Changes
 * reported by the source are published on the `vault` topic.
 *
 * @example
 * const vault = createVaultModule({ source })
 */
export function createVaultModule({ source }: { source: VaultSource }): ServerModule {
  let stop: (() => void) | undefined
  return {
    name: 'vault',
    title: 'Wallet guard',
    routes(app, { requireToken, hub }) {
      app.get('/overview', async (c) => c.json({ vaults: await source.vaults() }))
      app.get('/approvals', async (c) => c.json({ approvals: await source.approvals() }))
      app.get('/attempts', async (c) => c.json({ attempts: await source.attempts() }))
      for (const decision of ['approve', 'deny'] as const) {
        app.post(`/approvals/:id/${decision}`, requireToken, async (c) => {
          const requestId = c.req.param('id')
          if (!(await source.approvals()).some((a) => a.id === requestId)) {
            throw new ApiError('no such approval request', {
              status: 404,
              code: 'not-found',
              details: requestId,
            })
          }
          const result = await source.decide(requestId, decision)
          hub.publish('vault', decision === 'approve' ? 'approved' : 'denied', result)
          return c.json(result)
        })
      }
    },
    start({ hub }) {
      stop = source.watch?.((type, data) => hub.publish('vault', type, data))
    },
    close() {
      stop?.()
    },
    paths: {
      '/overview': {
        get: operation({
          tag,
          summary: 'Guarded wallets: policy in words, rolling spend windows with their history',
          response: { type: 'object', properties: { vaults: { type: 'array', items: { type: 'object' } } } },
        }),
      },
      '/approvals': {
        get: operation({
          tag,
          summary: 'Approval requests, pending first',
          response: { type: 'object', properties: { approvals: { type: 'array', items: approval } } },
        }),
      },
      '/approvals/{id}/approve': {
        post: operation({
          tag,
          summary: 'Approve (co-sign) a pending request: the exact intent is executed once',
          parameters: [id],
          response: approval,
          writes: true,
        }),
      },
      '/approvals/{id}/deny': {
        post: operation({
          tag,
          summary: 'Deny a pending request',
          parameters: [id],
          response: approval,
          writes: true,
        }),
      },
      '/attempts': {
        get: operation({
          tag,
          summary: 'Payment attempts with the decision and the rule (allowed, waiting, denied, reverted)',
          response: {
            type: 'object',
            properties: { attempts: { type: 'array', items: { type: 'object' } } },
          },
        }),
      },
    },
  }
}
