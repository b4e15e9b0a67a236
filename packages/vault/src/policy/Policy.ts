import type { Address, Hex } from 'viem'
import type { TokenInfo } from './TokenInfo.ts'

/**
 * Limits on one token (`0x0…0` = native coin), all in base units; 0 means "no limit of this kind" except for
 * `perTxCap`, where a token without a rule cannot be spent at all.
 *
 * @example
 * const rule: TokenRule = { token: NATIVE_TOKEN, perTxCap: 10n ** 17n, windowCap: 10n ** 18n, windowSeconds: 86_400, approvalThreshold: 0n }
 */
export type TokenRule = {
  token: Address
  perTxCap: bigint
  windowCap: bigint
  windowSeconds: number
  /** Spends above this need an owner's co-signature (0 = never). */
  approvalThreshold: bigint
}

/**
 * A condition on one argument (32-byte ABI word at `index`): one of `values`, at most `value`, or equal to it.
 *
 * @example
 * const c: ArgCondition = { index: 0, kind: 'in', values: [alice, bob] }
 */
export type ArgCondition =
  | { index: number; kind: 'in'; values: readonly bigint[] }
  | { index: number; kind: 'lte'; value: bigint }
  | { index: number; kind: 'eq'; value: bigint }

/**
 * An allowlisted call: the target and selector (`0x` = a plain native transfer, no calldata) and conditions.
 *
 * @example
 * const rule: CallRule = { target: usdc, selector: '0xa9059cbb', conditions: [] }
 */
export type CallRule = {
  target: Address
  selector: Hex
  signature: string
  conditions: readonly ArgCondition[]
}

/**
 * A resolved policy: tokens, limits, recipients and calls with addresses and base units, ready to check and
 * to encode for the module.
 *
 * @example
 * const policy = parsePolicy(readFileSync('policy.yaml', 'utf8'))
 */
export type Policy = {
  tokens: readonly TokenInfo[]
  rules: readonly TokenRule[]
  recipients: readonly { name: string; address: Address }[]
  calls: readonly CallRule[]
  /** At most `count` executions per `periodSeconds` (count 0 = no rate limit). */
  rateLimit: { count: number; periodSeconds: number }
  sessionKey: {
    validForSeconds: number
    maxUses: number
    budget: readonly { token: Address; amount: bigint }[]
  }
  timelockSeconds: number
}
