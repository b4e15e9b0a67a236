import {
  type Account,
  type Address,
  type Chain,
  encodeFunctionData,
  erc20Abi,
  type PublicClient,
  type Transport,
  type WalletClient,
} from 'viem'
import { AgentError } from '../errors/AgentError.ts'
import { checkPolicy } from './checkPolicy.ts'
import type { GuardPolicy } from './GuardPolicy.ts'
import type { GuardDecision, VaultBalance, WalletGuard } from './WalletGuard.ts'

/** Parameters of {@link createPolicyGuard}. */
export type CreatePolicyGuardParameters = {
  publicClient: PublicClient<Transport, Chain>
  walletClient: WalletClient<Transport, Chain, Account>
  policy: GuardPolicy
  /** Clock for the daily budget (default `Date.now`). */
  now?: () => number
}

/**
 * A {@link WalletGuard} that enforces a {@link GuardPolicy} in TypeScript before signing with the wallet
 * client's key: provenance gate, allowlist, per-transaction and daily limits, then a pre-flight simulation
 * (`eth_call`) so a transfer that would revert is denied without spending gas. Held requests wait in memory for
 * `approve(id)` by a human. Use it where no on-chain vault module exists; the Safe-module adapter enforces the
 * same decisions on-chain.
 *
 * @example
 * const guard = createPolicyGuard({ publicClient, walletClient, policy })
 * const d = await guard.transfer({ to, amount })
 */
export function createPolicyGuard(
  parameters: CreatePolicyGuardParameters,
): WalletGuard & { approvePending(id: string): Promise<GuardDecision> } {
  const { publicClient, walletClient, policy, now = Date.now } = parameters
  const spent = new Map<string, bigint>()
  const pending = new Map<string, () => Promise<GuardDecision>>()
  const chainId = publicClient.chain.id
  const dayKey = (asset: string) => `${Math.floor(now() / 86_400_000)}:${asset.toLowerCase()}`

  const execute = async (
    base: Omit<GuardDecision, 'decision' | 'rule' | 'reason'>,
    tx: { to: Address; value?: bigint; data?: `0x${string}` },
  ): Promise<GuardDecision> => {
    try {
      await publicClient.call({ account: walletClient.account, ...tx })
    } catch (cause) {
      return {
        ...base,
        decision: 'deny',
        rule: 'preflight',
        reason: `simulation reverted: ${(cause as Error).message.split('\n')[0]}`,
      }
    }
    const txHash = await walletClient.sendTransaction({ ...tx })
    const receipt = await publicClient.waitForTransactionReceipt({ hash: txHash })
    if (receipt.status !== 'success')
      return { ...base, decision: 'deny', rule: 'reverted', reason: 'transaction reverted', txHash }
    spent.set(dayKey(base.asset), (spent.get(dayKey(base.asset)) ?? 0n) + base.value)
    return { ...base, decision: 'allow', rule: 'policy', reason: 'within policy', txHash }
  }

  const guarded = async (
    base: Omit<GuardDecision, 'decision' | 'rule' | 'reason'>,
    verdictInput: Parameters<typeof checkPolicy>[0],
    tx: { to: Address; value?: bigint; data?: `0x${string}` },
  ): Promise<GuardDecision> => {
    const verdict = checkPolicy(verdictInput)
    if (!verdict) return execute(base, tx)
    if (verdict.decision === 'deny') return { ...base, ...verdict }
    const approvalId = `approval-${pending.size + 1}-${base.to.slice(2, 10)}`
    pending.set(approvalId, () => {
      const again = checkPolicy({
        ...verdictInput,
        to: { ...verdictInput.to, provenance: 'user' },
        amount: { ...verdictInput.amount, provenance: 'user' },
        spentToday: spent.get(dayKey(base.asset)) ?? 0n,
      })
      return again ? Promise.resolve({ ...base, ...again }) : execute(base, tx)
    })
    return { ...base, ...verdict, approvalId }
  }

  return {
    address: walletClient.account.address,
    chainId,
    async balances(tokens = []) {
      const out: VaultBalance[] = [
        {
          asset: 'ETH',
          symbol: 'ETH',
          decimals: 18,
          value: await publicClient.getBalance({ address: walletClient.account.address }),
        },
      ]
      for (const token of tokens) {
        const [symbol, decimals, value] = await Promise.all([
          publicClient.readContract({ address: token, abi: erc20Abi, functionName: 'symbol' }),
          publicClient.readContract({ address: token, abi: erc20Abi, functionName: 'decimals' }),
          publicClient.readContract({
            address: token,
            abi: erc20Abi,
            functionName: 'balanceOf',
            args: [walletClient.account.address],
          }),
        ])
        out.push({ asset: token, symbol, decimals, value })
      }
      return out
    },
    transfer({ to, amount, token }) {
      const asset = token?.value ?? 'ETH'
      const base = { kind: 'transfer' as const, chainId, asset, value: amount.value, to: to.value }
      const input = { policy, to, amount, asset, spentToday: spent.get(dayKey(asset)) ?? 0n }
      return guarded(
        base,
        input,
        token
          ? {
              to: token.value,
              data: encodeFunctionData({
                abi: erc20Abi,
                functionName: 'transfer',
                args: [to.value, amount.value],
              }),
            }
          : { to: to.value, value: amount.value },
      )
    },
    approve({ spender, amount, token }) {
      const base = {
        kind: 'approve' as const,
        chainId,
        asset: token.value,
        value: amount.value,
        to: spender.value,
      }
      const input = {
        policy,
        to: spender,
        amount,
        asset: token.value,
        spentToday: spent.get(dayKey(token.value)) ?? 0n,
      }
      return guarded(base, input, {
        to: token.value,
        data: encodeFunctionData({
          abi: erc20Abi,
          functionName: 'approve',
          args: [spender.value, amount.value],
        }),
      })
    },
    async swap({ tokenIn, amountIn }) {
      return {
        kind: 'swap',
        chainId,
        asset: tokenIn.value,
        value: amountIn.value,
        to: tokenIn.value,
        decision: 'deny',
        rule: 'no-swap-venue',
        reason: 'this guard has no swap venue configured; use the vault module',
      }
    },
    async approvePending(id) {
      const run = pending.get(id)
      pending.delete(id)
      if (!run) throw new AgentError('unknown approval', { details: id })
      return run()
    },
  }
}
