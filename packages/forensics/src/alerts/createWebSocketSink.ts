import { type WebSocket, WebSocketServer } from 'ws'
import { AlertSinkError } from '../errors/AnalysisError.ts'
import type { AlertMessage, AlertSink } from './Alert.ts'

/** Parameters of {@link createWebSocketSink}. */
export type CreateWebSocketSinkParameters = {
  /** Port to listen on (0 = a free one). */
  port: number
  /** Interface (default 127.0.0.1). */
  host?: string
}

/** A WebSocket alert stream and the address it listens on. */
export type WebSocketSink = AlertSink & { url: string; clients(): number }

/**
 * Starts a WebSocket server that streams every alert (and retraction) as one JSON text message to each
 * connected client. A client that connects to `/?token=<address>` only receives that token's messages.
 *
 * @example
 * const sink = await createWebSocketSink({ port: 8787 })
 * // websocat ws://127.0.0.1:8787
 */
export async function createWebSocketSink({
  port,
  host = '127.0.0.1',
}: CreateWebSocketSinkParameters): Promise<WebSocketSink> {
  const server = new WebSocketServer({ port, host })
  const filters = new Map<WebSocket, string | undefined>()
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve)
    server.once('error', (cause) =>
      reject(new AlertSinkError('WebSocket server could not listen', { details: `${host}:${port}`, cause })),
    )
  })
  server.on('connection', (socket, request) => {
    const token = new URL(request.url ?? '/', 'ws://x').searchParams.get('token') ?? undefined
    filters.set(socket, token?.toLowerCase())
    socket.on('close', () => filters.delete(socket))
    socket.on('error', () => filters.delete(socket))
  })
  const address = server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  return {
    name: 'websocket',
    url: `ws://${host}:${actualPort}`,
    clients: () => filters.size,
    async send(message: AlertMessage) {
      const text = JSON.stringify(message)
      for (const [socket, token] of filters) {
        if (token !== undefined && token !== message.token.toLowerCase()) continue
        if (socket.readyState === socket.OPEN) socket.send(text)
      }
    },
    async close() {
      for (const socket of filters.keys()) socket.terminate()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
