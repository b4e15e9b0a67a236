import type { AddressInfo } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'
import { HttpError } from '../errors/HttpError.ts'

/** Parameters of {@link serve}. */
export type ServeParameters = {
  /** A fetch handler: the app from `createLogApp`, or any Hono app. */
  app: { fetch: (request: Request) => Response | Promise<Response> }
  /** Interface to bind; loopback by default, so exposing the log is a deliberate choice. */
  host?: string
  /** TCP port; 0 (the default) picks a free one. */
  port?: number
}

/** Return type of {@link serve}. */
export type ServeReturnType = {
  /** The bound base URL, with the real port and a trailing slash, e.g. `http://127.0.0.1:41234/`. */
  url: string
  /** Stops accepting connections, closes idle and open ones, and resolves once the server is closed. */
  close(): Promise<void>
}

/**
 * Serves a fetch handler over HTTP with @hono/node-server. Resolves once listening, with the bound URL;
 * rejects with {@link HttpError} if the address cannot be bound.
 *
 * @example
 * const { url, close } = await serve({ app: createLogApp({ storage }) })
 * const result = await verifyLog({ url, verifyCheckpoint })
 * await close()
 */
export function serve({ app, host = '127.0.0.1', port = 0 }: ServeParameters): Promise<ServeReturnType> {
  const server = createAdaptorServer({ fetch: app.fetch, hostname: host })
  return new Promise((resolve, reject) => {
    server.once('error', (cause) =>
      reject(
        new HttpError('cannot listen', {
          status: 0,
          code: 'listen-failed',
          details: `${host}:${port}`,
          cause,
        }),
      ),
    )
    server.listen(port, host, () => {
      const { port: bound } = server.address() as AddressInfo
      const hostPart = host.includes(':') ? `[${host}]` : host
      resolve({
        url: `http://${hostPart}:${bound}/`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()))
            if ('closeAllConnections' in server) server.closeAllConnections()
          }),
      })
    })
  })
}
