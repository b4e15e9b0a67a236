import type { AddressInfo } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'
import type { CreateServerAppReturnType } from '../app/createServerApp.ts'
import { ServerError } from '../errors/ServerError.ts'
import type { ServerModule } from '../modules/ServerModule.ts'

/** Parameters of {@link startServer}. */
export type StartServerParameters = {
  /** What `createServerApp` returned. */
  server: CreateServerAppReturnType
  /** The same modules: started once listening, closed on `close`. */
  modules?: readonly ServerModule[]
  /** Interface to bind; loopback by default, so exposing the node is a deliberate choice. */
  host?: string
  /** TCP port; 0 (the default) picks a free one. */
  port?: number
}

/** Return type of {@link startServer}. */
export type StartServerReturnType = {
  /** Base URL with the real port and a trailing slash, e.g. `http://127.0.0.1:41234/`. */
  url: string
  port: number
  /** Stops modules, closes WebSockets and connections; resolves once the server is closed. */
  close(): Promise<void>
}

/**
 * Listens with @hono/node-server, upgrades `/api/live` to WebSockets, then starts the modules' background work.
 * Rejects with {@link ServerError} when the address cannot be bound.
 *
 * @example
 * const { url, close } = await startServer({ server: createServerApp({ modules }), modules })
 */
export async function startServer({
  server: { app, websocket, context },
  modules = [],
  host = '127.0.0.1',
  port = 0,
}: StartServerParameters): Promise<StartServerReturnType> {
  const http = createAdaptorServer({ fetch: app.fetch, hostname: host })
  websocket.injectWebSocket(http)
  const bound = await new Promise<number>((resolve, reject) => {
    http.once('error', (cause) =>
      reject(new ServerError('cannot listen', { details: `${host}:${port}`, cause })),
    )
    http.listen(port, host, () => resolve((http.address() as AddressInfo).port))
  })
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${bound}/`
  const close = async () => {
    for (const module of modules) await module.close?.()
    for (const client of websocket.wss.clients) client.terminate()
    await new Promise<void>((done) => {
      http.close(() => done())
      if ('closeAllConnections' in http) http.closeAllConnections()
    })
  }
  try {
    for (const module of modules) await module.start?.({ ...context, url })
  } catch (error) {
    await close()
    throw error
  }
  return { url, port: bound, close }
}
