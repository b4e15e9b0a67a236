import type { Address } from 'viem'
import { uniswapV2SwapSelector } from '../decode/knownAbis.ts'
import { PolicyError } from '../errors/VaultError.ts'
import type { CallRule, Policy } from '../policy/Policy.ts'
import { swapConditions } from './swapConditions.ts'

/** Parameters of {@link expandSwaps}. */
export type ExpandSwapsParameters = {
  /** The Safe the swaps' output must return to; required when the policy lists swaps. */
  safe?: Address | undefined
}

/** Return type of {@link expandSwaps}: the policy's recipients and calls with every swap pair folded in. */
export type ExpandSwapsReturnType = Pick<Policy, 'recipients' | 'calls'>

/**
 * What the module must enforce for a policy's `swaps:` section, as plain rules: each pair becomes a recipient (the
 * input leg is an ERC-20 transfer to it) plus its `swap` allowlisted with `to == safe` and empty data
 * (`swapConditions`). Both `encodePolicy` (setup) and `planPolicyChanges` (converging an existing vault) use it.
 *
 * @example
 * const { recipients, calls } = expandSwaps(policy, { safe })
 */
export function expandSwaps(policy: Policy, parameters: ExpandSwapsParameters = {}): ExpandSwapsReturnType {
  const { safe } = parameters
  if (policy.swaps.length === 0) return { recipients: policy.recipients, calls: policy.calls }
  if (!safe)
    throw new PolicyError('swaps need the Safe address', { details: 'encodePolicy(policy, { safe })' })
  const calls: CallRule[] = policy.swaps.map((swap) => ({
    target: swap.pair,
    selector: uniswapV2SwapSelector,
    signature: 'swap(uint256,uint256,address,bytes)',
    conditions: swapConditions(safe),
  }))
  return {
    recipients: [...policy.recipients, ...policy.swaps.map((s) => ({ name: s.name, address: s.pair }))],
    calls: [...policy.calls, ...calls],
  }
}
