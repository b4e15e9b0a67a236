/** One live update from `/api/live`. */
export type LiveEvent = { seq: number; topic: string; type: string; at: number; data: unknown }

type Listener = (event: LiveEvent) => void
const listeners = new Set<Listener>()
let socket: WebSocket | undefined
let status: 'connecting' | 'open' | 'closed' = 'closed'
const statusListeners = new Set<(s: typeof status) => void>()

function setStatus(next: typeof status) {
  status = next
  for (const l of statusListeners) l(next)
}

function connect() {
  const url = new URL('/api/live', window.location.href)
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:'
  setStatus('connecting')
  socket = new WebSocket(url)
  socket.onopen = () => setStatus('open')
  socket.onmessage = (message) => {
    const event = JSON.parse(String(message.data)) as LiveEvent
    ;(window as { __sextantLive?: LiveEvent[] }).__sextantLive?.push({
      ...event,
      receivedAt: Date.now(),
    } as LiveEvent)
    for (const l of listeners) l(event)
  }
  socket.onclose = () => {
    setStatus('closed')
    socket = undefined
    setTimeout(connect, 1000)
  }
}

/**
 * Subscribes to the server's live updates (one shared WebSocket, reconnecting). Returns the unsubscribe.
 *
 * @example
 * useEffect(() => subscribeLive((e) => e.topic === 'audit' && reload()), [])
 */
export function subscribeLive(listener: Listener): () => void {
  if (!socket) connect()
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/**
 * Watches the live connection's status (`connecting`, `open`, `closed`) for the header's indicator.
 *
 * @example
 * useEffect(() => watchLiveStatus(setStatus), [])
 */
export function watchLiveStatus(listener: (s: 'connecting' | 'open' | 'closed') => void): () => void {
  statusListeners.add(listener)
  listener(status)
  return () => statusListeners.delete(listener)
}
