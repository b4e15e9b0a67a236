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
  /** What the message is: `'alert'` here, `'retraction'` for an {@link AlertRetraction}. */
  type: 'alert'
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

/**
 * Withdraws an alert that a chain reorg made void: its triggering event was in a block of `reorg.chain` at or
 * after `reorg.fromBlock`, which the chain orphaned. Sent to every sink after the monitor rolled back; an alert
 * the new fork raises again (same `id`, new block or tx) follows as a new `alert` message.
 */
export type AlertRetraction = {
  type: 'retraction'
  /** Id of the voided alert. */
  alertId: string
  /** The voided alert's kind, token, block and tx (so a consumer can match it without keeping the alert). */
  kind: AlertKind
  token: string
  block: number
  tx: string
  /** The reorg: every event of `chain` from block `fromBlock` on was rolled back. */
  reorg: { chain: string; fromBlock: number }
  message: string
  /** When the retraction left the watcher (ms since epoch). */
  retractedAt: number
}

/** What a sink carries: an alert or the retraction of one; consumers switch on `type`. */
export type AlertMessage = Alert | AlertRetraction

/** Somewhere alerts (and their retractions) go: stdout, a webhook, a WebSocket stream, a NATS JetStream subject. */
export type AlertSink = {
  name: string
  send(message: AlertMessage): Promise<void>
  close(): Promise<void>
}
