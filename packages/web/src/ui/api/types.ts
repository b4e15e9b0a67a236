/** `GET /api/health`. */
export type Health = { ok: boolean; modules: { name: string; title: string }[] }

/** `GET /api/audit/summary`. */
export type AuditSummary = {
  origin: string
  verifierKey: string
  size: number
  checkpoint: { size: number; note: string; createdAt: number } | null
  anchor: { address: string; logId: string; chainId: number | null } | null
  monitor: { polls: number; verifiedSize: number; lastPollAt?: number; alerts: number }
}

/** One row of `GET /api/audit/entries`. */
export type EntrySummary = {
  index: number
  kind: 'ai-event' | 'opaque' | 'invalid'
  bytes: number
  fields?: Record<string, unknown>
  private: boolean
}

/** `GET /api/audit/entries/:index`. */
export type EntryDetail = EntrySummary & { entry: string; receipt: string; privateFields: string[] }

/** One row of `GET /api/audit/anchors`. */
export type AnchorRow = {
  size: number
  rootHash: string
  blockNumber: number
  txHash: string
  note: string | null
}

/** One monitor finding. */
export type Finding = { at: number; type: 'alert' | 'error'; kind: string; source: string; message: string }

/** `GET /api/vault/overview`. */
export type VaultOverview = { vaults: VaultView[] }
/** A guarded wallet with its policy in words and its spend windows. */
export type VaultView = {
  address: string
  name: string
  policy: string[]
  windows: SpendWindow[]
}
/** A rolling spend window: cap, what is used now, and the spend history that fills it. */
export type SpendWindow = {
  asset: string
  cap: string
  windowSeconds: number
  used: string
  points: { at: number; amount: string }[]
}
/** A payment that waits for a human co-signature. */
export type Approval = {
  id: string
  vault: string
  to: string
  value: string
  asset: string
  reason: string
  createdAt: number
  expiresAt: number
  status: 'pending' | 'approved' | 'denied' | 'expired'
  txHash?: string
}
/** One payment attempt with the guard's decision. */
export type Attempt = {
  at: number
  vault: string
  to: string
  value: string
  asset: string
  decision: 'allow' | 'needs-approval' | 'deny' | 'reverted'
  rule: string
  txHash?: string
  auditIndex?: number
}

/** One agent session, as `GET /api/agent/sessions` lists it. */
export type SessionSummary = {
  id: string
  agent: string
  steps: number
  firstIndex: number
  lastIndex: number
  payments: { allow: number; deny: number; other: number }
  models: string[]
}
/** One step of a session: the audit entry's public fields, and its private ones when the token allows. */
export type SessionStep = {
  index: number
  operation: string
  fields: Record<string, unknown>
  private?: Record<string, unknown> | null
}
/** `GET /api/agent/sessions/:id`. */
export type SessionDetail = SessionSummary & { steps: SessionStep[] }

/** One launch with its rug-risk score. */
export type Launch = {
  token: string
  symbol: string
  name: string
  createdAt: number
  creator: string
  risk: number
  signals: { name: string; score: number; evidence: string }[]
  status: string
  raised?: string
  holders?: number
}
/** `GET /api/forensics/tokens/:address`. */
export type TokenDetail = Launch & {
  groups: { name: string; points: { at: number; share: number }[] }[]
  clusters: { id: string; role: string; wallets: { address: string; share: number }[]; funder?: string }[]
}
/** One forensics alert. */
export type ForensicsAlert = { at: number; token: string; kind: string; severity: string; message: string }
