/** One launch with its rug-risk score and the signals behind it. */
export type Launch = {
  token: string
  symbol: string
  name: string
  createdAt: number
  creator: string
  /** 0-100. */
  risk: number
  signals: { name: string; score: number; evidence: string }[]
  status: string
  raised?: string
  holders?: number
}

/** One token in depth: supply share per group over time (0-1) and wallet clusters. */
export type TokenDetail = Launch & {
  groups: { name: string; points: { at: number; share: number }[] }[]
  clusters: { id: string; role: string; wallets: { address: string; share: number }[]; funder?: string }[]
}

/** One real-time alert. */
export type ForensicsAlert = { at: number; token: string; kind: string; severity: string; message: string }

/**
 * What the forensics module serves, implemented over `@sextant/forensics` (ingestion, graph, detectors,
 * alerts). `token` returns undefined for an unknown token. `watch` reports new launches, scores and alerts.
 *
 * @example
 * const module = createForensicsModule({ source })
 */
export type ForensicsSource = {
  launches(): Promise<Launch[]>
  token(address: string): Promise<TokenDetail | undefined>
  alerts(filter?: { token?: string }): Promise<ForensicsAlert[]>
  watch?(onChange: (type: string, data: unknown) => void): () => void
}
