/**
 * One live update, as the WebSocket at `/api/live` sends it: the domain (`audit`, `vault`, `agent`,
 * `forensics`), what happened, when (ms epoch, server clock), a per-server sequence number and its data.
 *
 * @example
 * const event: LiveEvent = { seq: 1, topic: 'audit', type: 'entry', at: Date.now(), data: { index: 0 } }
 */
export type LiveEvent = {
  seq: number
  topic: string
  type: string
  at: number
  data: unknown
}
