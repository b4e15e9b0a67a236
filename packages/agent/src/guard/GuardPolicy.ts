import type { Address } from 'viem'

/**
 * The policy `createPolicyGuard` enforces. Limits are in base units per asset (`ETH` or a token address,
 * lowercase); an asset without a limit cannot be moved.
 *
 * @example
 * const policy: GuardPolicy = { allowlist: [supplier], perTransaction: { ETH: parseEther('1') }, daily: { ETH: parseEther('2') } }
 */
export type GuardPolicy = {
  /** Recipients and spenders trusted whatever the model read. */
  allowlist: Address[]
  perTransaction: { [asset: string]: bigint }
  daily: { [asset: string]: bigint }
  /** What to do with a recipient, spender or amount no principal stated and no allowlist covers (default `needs-approval`). */
  onUntrusted?: 'needs-approval' | 'deny'
}
