import type { Address, Hex } from 'viem'
import type { TokenInfo } from './TokenInfo.ts'

/**
 * Limits on one token (`0x0…0` = native coin) in base units, as the module's `TokenRule`: the most one
 * `execute` may reserve, the most in any rolling window of `windowSeconds` (≥ 1), and the amount above which
 * an owner must co-sign.
 *
 * @example
 * const rule: TokenRule = { token: NATIVE_TOKEN, perTxCap: 10n ** 17n, windowCap: 10n ** 18n, windowSeconds: 86_400, approvalThreshold: 5n * 10n ** 16n }
 */
export type TokenRule = {
  token: Address
  perTxCap: bigint
  windowCap: bigint
  windowSeconds: number
  approvalThreshold: bigint
}

/** The module's `ConditionOp`: word == value, word <= value, word >= value, word is an allowlisted recipient. */
export type ConditionOp = 'eq' | 'lte' | 'gte' | 'inRecipients'

/**
 * A condition on the static 32-byte argument word `index` of an allowlisted function (`value` unused for
 * `inRecipients`).
 *
 * @example
 * const c: ArgCondition = { index: 1, op: 'lte', value: 10n ** 18n }
 */
export type ArgCondition = { index: number; op: ConditionOp; value: bigint }

/**
 * An allowlisted (target, selector) with argument conditions. Token transfers and approvals are not listed
 * here: they are allowed by the token's rule plus the recipient allowlist.
 *
 * @example
 * const rule: CallRule = { target: pool, selector: '0x12345678', signature: 'deposit(uint256)', conditions: [] }
 */
export type CallRule = {
  target: Address
  selector: Hex
  signature: string
  conditions: readonly ArgCondition[]
}

/**
 * A Uniswap V2 pair the agent may swap on: the input token goes to the pair (a recipient, counted as spending)
 * and the pair's `swap` must send its output to the Safe with no callback data (see `encodePolicy`).
 *
 * @example
 * const rule: SwapRule = { name: 'WETH-VT', pair: '0x…' }
 */
export type SwapRule = { name: string; pair: Address }

/** A session key's budget of one token; `UNLIMITED_BUDGET` = only the token's rule applies. */
export type KeyBudget = { token: Address; amount: bigint }

/** `type(uint112).max`: the module's "unlimited" key budget. */
export const UNLIMITED_BUDGET = 2n ** 112n - 1n

/**
 * A resolved policy, ready to check and to encode for the module: tokens, limits, the recipient allowlist
 * (payees and spenders), allowlisted calls, session-key defaults, guardians and the timelock.
 *
 * @example
 * const policy = parsePolicy(readFileSync('policy.yaml', 'utf8'))
 */
export type Policy = {
  tokens: readonly TokenInfo[]
  rules: readonly TokenRule[]
  recipients: readonly { name: string; address: Address }[]
  calls: readonly CallRule[]
  /** Uniswap V2 pairs for swaps whose output must return to the Safe. */
  swaps: readonly SwapRule[]
  sessionKey: {
    validForSeconds: number
    /** 0 = unlimited. */
    maxUses: number
    /** At most `calls` executes in any rolling `windowSeconds` (calls 0 = no rate limit). */
    rateLimit: { calls: number; windowSeconds: number }
    budgets: readonly KeyBudget[]
  }
  guardians: readonly Address[]
  timelockSeconds: number
}
