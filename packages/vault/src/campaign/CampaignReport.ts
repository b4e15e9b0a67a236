import type { AttackShape } from './shapes.ts'

/** Per-shape tallies of a campaign. */
export type ShapeTally = {
  count: number
  /** Pre-flight decisions. */
  allow: number
  needsApproval: number
  deny: number
  /** Held requests a (simulated) human approved and that then ran with the co-signature. */
  approved: number
  /** Transactions that ran on-chain / that the module reverted. */
  executed: number
  reverted: number
  /** Pre-flight said allow but the chain reverted, or said deny / needs-approval and the chain executed. */
  mismatches: number
  /** Denials where the pre-flight's rule differs from the module's revert. */
  ruleMismatches: number
}

/**
 * A campaign's result: per attack shape, and the chain-checked count of unauthorized value movements.
 *
 * @example
 * report.unauthorized // 0
 */
export type CampaignReport = {
  seed: number
  episodes: number
  shapes: Partial<Record<AttackShape, ShapeTally>>
  /** Value that reached an attacker, allowances granted to one, window or threshold violations (from chain state). */
  unauthorized: number
  findings: string[]
  /** The parallel race: requests sent at once, how many ran, and the window cap's room they raced for. */
  race?: { requests: number; executed: number; amountEach: string; room: string }
  elapsedMs: number
}

/** An empty tally. */
export function emptyTally(): ShapeTally {
  return {
    count: 0,
    allow: 0,
    needsApproval: 0,
    deny: 0,
    approved: 0,
    executed: 0,
    reverted: 0,
    mismatches: 0,
    ruleMismatches: 0,
  }
}
