import type { Address, Hex } from 'viem'
import type { Tainted } from '../taint/Tainted.ts'

/**
 * The wallet guard's explained decision on one value-moving request: paid (`allow`, with the transaction hash),
 * held for a human (`needs-approval`, with an approval id), or refused (`deny`); `rule` names the policy rule
 * that decided and `reason` says why in words.
 *
 * @example
 * const d: GuardDecision = { decision: 'deny', rule: 'provenance', reason: 'recipient came from a web page', kind: 'transfer', chainId: 1, asset: 'ETH', value: 10n ** 18n, to: '0x…' }
 */
export type GuardDecision = {
  decision: 'allow' | 'needs-approval' | 'deny'
  rule: string
  reason: string
  kind: 'transfer' | 'approve' | 'swap'
  chainId: number
  /** `ETH` for the native asset, else the token's address. */
  asset: string
  /** Amount in the asset's base units. */
  value: bigint
  /** Recipient, spender or swap venue. */
  to: Address
  txHash?: Hex
  approvalId?: string
}

/** One asset the vault holds. */
export type VaultBalance = { asset: string; symbol: string; decimals: number; value: bigint }

/**
 * The narrow wallet-guard interface the agent's vault tools call. Every value argument carries its provenance
 * (derived by the runtime from what the model read), so the guard's provenance gate can refuse a recipient or
 * amount that came from untrusted text. Implementations: `createPolicyGuard` (TypeScript pre-flight over a
 * key), and the Safe-module vault adapter.
 *
 * @example
 * const d = await guard.transfer({ to: ledger.derive(to), amount: { ...ledger.derive('0.5'), value: parseEther('0.5') } })
 * if (d.decision === 'allow') console.log(d.txHash)
 */
export type WalletGuard = {
  readonly address: Address
  readonly chainId: number
  balances(tokens?: Address[]): Promise<VaultBalance[]>
  /** Native transfer, or ERC-20 `transfer` when `token` is given. */
  transfer(p: {
    to: Tainted<Address>
    amount: Tainted<bigint>
    token?: Tainted<Address>
  }): Promise<GuardDecision>
  approve(p: {
    spender: Tainted<Address>
    amount: Tainted<bigint>
    token: Tainted<Address>
  }): Promise<GuardDecision>
  swap(p: {
    tokenIn: Tainted<Address>
    tokenOut: Tainted<Address>
    amountIn: Tainted<bigint>
    minAmountOut: Tainted<bigint>
  }): Promise<GuardDecision>
}
