import type { ServerModule } from '../modules/ServerModule.ts'
import type { OpenApiPaths } from './OpenApiPaths.ts'
import { operation } from './operation.ts'

/**
 * The server's OpenAPI 3.1 document: its own routes (`/api/health`, `/api/live`) and every mounted module's
 * paths under `/api/<name>`, with the bearer-token security scheme and the shared error response.
 *
 * @example
 * app.get('/openapi.json', (c) => c.json(openApiDocument({ modules })))
 */
export function openApiDocument({
  modules,
  version = '0.1.0',
}: {
  modules: readonly ServerModule[]
  version?: string
}) {
  const paths: OpenApiPaths = {
    '/api/health': {
      get: operation({
        summary: 'Liveness and the modules this server runs',
        tag: 'server',
        response: {
          type: 'object',
          properties: {
            ok: { type: 'boolean' },
            modules: {
              type: 'array',
              items: { type: 'object', properties: { name: { type: 'string' }, title: { type: 'string' } } },
            },
          },
        },
      }),
    },
    '/api/live': {
      get: {
        summary: 'WebSocket of live updates: JSON messages { seq, topic, type, at, data }',
        tags: ['server'],
        responses: { 101: { description: 'Switching Protocols (WebSocket)' } },
      },
    },
  }
  for (const module of modules) {
    for (const [path, item] of Object.entries(module.paths)) paths[`/api/${module.name}${path}`] = item
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Sextant API',
      version,
      description:
        'Local API of a Sextant node: audit log, wallet guard, agents, memecoin forensics. Reads are open; ' +
        'anything that writes needs `Authorization: Bearer <token>`. Binds 127.0.0.1 by default.',
    },
    servers: [{ url: '/' }],
    tags: [{ name: 'server' }, ...modules.map((m) => ({ name: m.name, description: m.title }))],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } },
          },
        },
      },
      responses: {
        Error: {
          description: 'Refused: { error: { code, message } }',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    },
  }
}
