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
export type VaultOverview = { vaults: import('@sextant/server/vault/VaultSource').VaultView[] }
export type { ForensicsAlert, Launch, TokenDetail } from '@sextant/server/forensics/ForensicsSource'
export type { Approval, Attempt, SpendWindow, VaultView } from '@sextant/server/vault/VaultSource'

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
