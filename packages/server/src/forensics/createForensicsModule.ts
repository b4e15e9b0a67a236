import { ApiError } from '../errors/ServerError.ts'
import type { ServerModule } from '../modules/ServerModule.ts'
import { operation } from '../openapi/operation.ts'
import type { ForensicsSource } from './ForensicsSource.ts'

const tag = 'forensics'

/**
 * The forensics domain of the API: live launches with rug-risk scores, a token's supply held by each group over
 * time and its wallet clusters, and the alert feed. Changes reported by the source are published on the
 * `forensics` topic.
 *
 * @example
 * const forensics = createForensicsModule({ source })
 */
export function createForensicsModule({ source }: { source: ForensicsSource }): ServerModule {
  let stop: (() => void) | undefined
  return {
    name: 'forensics',
    title: 'Memecoin forensics',
    routes(app) {
      app.get('/launches', async (c) => c.json({ launches: await source.launches() }))
      app.get('/tokens/:address', async (c) => {
        const address = c.req.param('address')
        if (!/^0x[0-9a-fA-F]{40}$|^[1-9A-HJ-NP-Za-km-z]{32,44}$/.test(address)) {
          throw new ApiError('invalid token address', {
            status: 400,
            code: 'invalid-parameter',
            details: address,
          })
        }
        const token = await source.token(address)
        if (!token) throw new ApiError('unknown token', { status: 404, code: 'not-found', details: address })
        return c.json(token)
      })
      app.get('/alerts', async (c) => {
        const token = c.req.query('token')
        return c.json({ alerts: await source.alerts(token ? { token } : {}) })
      })
    },
    start({ hub }) {
      stop = source.watch?.((type, data) => hub.publish('forensics', type, data))
    },
    close() {
      stop?.()
    },
    paths: {
      '/launches': {
        get: operation({
          tag,
          summary: 'Launches, newest first, with rug-risk score (0-100) and its signals',
          response: {
            type: 'object',
            properties: { launches: { type: 'array', items: { type: 'object' } } },
          },
        }),
      },
      '/tokens/{address}': {
        get: operation({
          tag,
          summary: 'One token: score and evidence, supply share per group over time, wallet clusters',
          parameters: [{ in: 'path', name: 'address', required: true, schema: { type: 'string' } }],
          response: { type: 'object' },
        }),
      },
      '/alerts': {
        get: operation({
          tag,
          summary:
            'Alerts, newest first (dev or insiders selling, cabal distributing, liquidity pulled, concentration)',
          parameters: [{ in: 'query', name: 'token', schema: { type: 'string' } }],
          response: { type: 'object', properties: { alerts: { type: 'array', items: { type: 'object' } } } },
        }),
      },
    },
  }
}
