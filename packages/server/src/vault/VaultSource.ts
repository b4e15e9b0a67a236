/** A rolling spend window: cap, what is used now, and the spends that fill it (amounts in the asset's units). */
export type SpendWindow = {
  asset: string
  cap: string
  windowSeconds: number
  used: string
  points: { at: number; amount: string }[]
}

/** A guarded wallet: its policy in words and its spend windows. */
export type VaultView = { address: string; name: string; policy: string[]; windows: SpendWindow[] }

/** A payment that waits for a human co-signature, bound to its exact intent. */
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

/** One payment attempt and the guard's decision, with the rule that decided it. */
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
  /** The agent session that asked for it (its steps, this decision among them, are on the Agent page). */
  session?: string
  /** The agent that asked for it. */
  agent?: string
  /** The approval request a held attempt waits on, and the one a co-signed payment ran with. */
  approvalId?: string
}

/**
 * What the vault module serves, implemented over the wallet guard (`@sextant/vault`) or, in `sextant up`'s
 * demo world, over whatever guards its agent. `decide` approves (co-signs and executes) or denies a pending
 * request and throws for an unknown, expired or already decided one. `watch` reports changes for live updates.
 *
 * @example
 * const module = createVaultModule({ source })
 */
export type VaultSource = {
  vaults(): Promise<VaultView[]>
  approvals(): Promise<Approval[]>
  decide(id: string, decision: 'approve' | 'deny'): Promise<Approval>
  attempts(): Promise<Attempt[]>
  watch?(onChange: (type: string, data: unknown) => void): () => void
}
