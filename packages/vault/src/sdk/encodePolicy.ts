import { iSextantGuardModuleAbi } from '@sextant/chain/generated/ISextantGuardModule'
import { type Address, encodeFunctionData, type Hex } from 'viem'
import type { Policy } from '../policy/Policy.ts'
import { expandSwaps } from '../swap/expandSwaps.ts'
import { encodeConditions } from './encodeConditions.ts'

/**
 * Encodes a policy as calls to the module's setters (`setTokenRule`, `setRecipient`, `setTargetFunction`),
 * the module's own structs: run them from the Safe during setup, or queue them through the timelock. Each swap
 * pair becomes a recipient plus its `swap` allowlisted with `to == safe` and empty data (`swapConditions`), so
 * a policy with swaps needs the Safe's address.
 *
 * @example
 * const calls = encodePolicy(policy, { safe }) // Hex[] of setter calldata, to the module
 */
export function encodePolicy(policy: Policy, options: { safe?: Address } = {}): Hex[] {
  const { recipients, calls: callRules } = expandSwaps(policy, { safe: options.safe })
  const calls: Hex[] = []
  for (const rule of policy.rules) {
    calls.push(
      encodeFunctionData({
        abi: iSextantGuardModuleAbi,
        functionName: 'setTokenRule',
        args: [
          rule.token,
          {
            perTxCap: rule.perTxCap,
            windowCap: rule.windowCap,
            approvalThreshold: rule.approvalThreshold,
            windowSeconds: rule.windowSeconds,
          },
        ],
      }),
    )
  }
  for (const recipient of recipients) {
    calls.push(
      encodeFunctionData({
        abi: iSextantGuardModuleAbi,
        functionName: 'setRecipient',
        args: [recipient.address, true],
      }),
    )
  }
  for (const call of callRules) {
    calls.push(
      encodeFunctionData({
        abi: iSextantGuardModuleAbi,
        functionName: 'setTargetFunction',
        args: [call.target, call.selector, encodeConditions(call.conditions)],
      }),
    )
  }
  return calls
}

/**
 * Encodes `addSessionKey` for a new agent key with the policy's session-key settings, valid from `now`.
 *
 * @example
 * const data = encodeAddSessionKey(policy, { key: agent.address, now: 1_800_000_000 })
 */
export function encodeAddSessionKey(policy: Policy, parameters: { key: Address; now: number }): Hex {
  const k = policy.sessionKey
  const validUntil = Math.min(parameters.now + k.validForSeconds, 2 ** 40 - 1)
  return encodeFunctionData({
    abi: iSextantGuardModuleAbi,
    functionName: 'addSessionKey',
    args: [
      parameters.key,
      {
        validAfter: parameters.now,
        validUntil,
        maxUses: k.maxUses,
        rateLimitCalls: k.rateLimit.calls,
        rateLimitWindow: k.rateLimit.windowSeconds,
      },
      k.budgets.map((b) => ({ token: b.token, amount: b.amount })),
    ],
  })
}
