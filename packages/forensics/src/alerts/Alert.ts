/** What an alert warns about. */
export type AlertKind =
  | 'dev-selling'
  | 'insiders-selling'
  | 'cabal-distributing'
  | 'liquidity-pulled'
  | 'holder-concentration'

/**
 * A real-time warning about one token, with the event that triggered it and the evidence behind it.
 * Plain JSON (amounts as decimal strings) so every sink can send it as is.
 */
export type Alert = {
  /** Stable id (token, kind, triggering event): the same alert is never emitted twice. */
  id: string
  kind: AlertKind
  severity: 'warning' | 'critical'
  token: string
  message: string
  /** The triggering event's location. */
  chain: string
  block: number
  timestamp: number
  tx: string
  /** Numbers and wallets behind the alert (amounts in base units as decimal strings). */
  evidence: Record<string, string | number | boolean | string[]>
  /** When the triggering event reached the monitor and when the alert left it (ms since epoch). */
  receivedAt: number
  emittedAt: number
}

/** Somewhere alerts go: stdout, a webhook, a WebSocket stream, a NATS JetStream subject. */
export type AlertSink = {
  name: string
  send(alert: Alert): Promise<void>
  close(): Promise<void>
}
