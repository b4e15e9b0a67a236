import type { Address, Hex } from 'viem'
import type { ArgCondition } from '../policy/Policy.ts'

/** The module's state of one token rule as of `now`, with its exact window sum and ledger occupancy. */
export type TokenRuleState = {
  perTxCap: bigint
  windowCap: bigint
  approvalThreshold: bigint
  windowSeconds: number
  /** Sum of ledger spends with timestamp > now - windowSeconds. */
  windowSpent: bigint
  /** Ledger entries inside the window (64 = full: the next spend is refused until one expires). */
  ledgerInWindow: number
}

/**
 * Everything the module's checks read, as of the block time `now`: read from the chain by
 * `readModuleSnapshot`, checked by `checkExecute`. Lookups are keyed by lowercase address; a missing
 * recipient or target counts as not allowlisted (the check fails closed).
 *
 * @example
 * const snapshot = await readModuleSnapshot(client, { module, sessionKey, to, value, data })
 * checkExecute(snapshot, { to, value, data })
 */
export type ModuleSnapshot = {
  now: number
  safe: Address
  module: Address
  paused: boolean
  sealed: boolean
  sessionKey: {
    address: Address
    active: boolean
    validAfter: number
    validUntil: number
    maxUses: number
    uses: number
    rateLimitCalls: number
    rateLimitWindow: number
    /** The key's executes with timestamp > now - rateLimitWindow. */
    callsInWindow: number
  }
  /** Token rules by lowercase token address (`0x0…0` = native). */
  rules: Record<string, TokenRuleState>
  /** The session key's budgets by lowercase token address. */
  budgets: Record<string, { amount: bigint; spent: bigint }>
  recipients: Record<string, boolean>
  /** Allowlisted (target, selector) → conditions; key `${lowercase target}:${selector}`. */
  targets: Record<string, readonly ArgCondition[] | null>
}

/**
 * Key of {@link ModuleSnapshot.targets}.
 *
 * @example
 * targetKey(pool, '0x6e553f65') // '0x90f7…:0x6e553f65'
 */
export function targetKey(target: Address, selector: Hex): string {
  return `${target.toLowerCase()}:${selector.toLowerCase()}`
}
