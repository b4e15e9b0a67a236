import type { AuditLog } from '@sextant/audit/log/AuditLog'
import type { ApprovalStore } from '@sextant/vault/approvals/openApprovalStore'
import type { VaultClient } from '@sextant/vault/chain/VaultClient'
import { uniswapV2PairAbi } from '@sextant/vault/decode/knownAbis'
import { SwapError } from '@sextant/vault/errors/VaultError'
import type { TokenInfo } from '@sextant/vault/policy/TokenInfo'
import { execute } from '@sextant/vault/sdk/execute'
import type { PaymentRequest } from '@sextant/vault/sdk/PaymentRequest'
import type { Vault } from '@sextant/vault/sdk/Vault'
import { prepareSwap } from '@sextant/vault/swap/prepareSwap'
import { type Account, type Address, encodeFunctionData, erc20Abi, isAddressEqual } from 'viem'
import { toVaultProvenance } from './toVaultProvenance.ts'
import type { GuardDecision, VaultBalance, WalletGuard } from './WalletGuard.ts'

/** Parameters of {@link createVaultGuard}. */
export type CreateVaultGuardParameters = {
  client: VaultClient
  /** With `singletons`, swap batches name Safe's MultiSendCallOnly as their target (the module never calls it). */
  vault: Pick<Vault, 'chainId' | 'safe' | 'module'> & Partial<Pick<Vault, 'singletons'>>
  /** The agent's session key on the vault's guard module. */
  sessionKey: Account
  /** Where requests held for a human go. */
  store?: ApprovalStore
  tokens?: readonly TokenInfo[]
  /** The vault's own attempt records (the runtime records every decision in its session anyway). */
  log?: AuditLog
  agentId?: string
  /** Uniswap V2 pairs the vault's policy lists under `swaps` (the operator's choice, never the model's). */
  swapPairs?: readonly Address[]
  /** Price tolerance of swaps in basis points (default 50): the swap asks for the quote less this, never below `minAmountOut`. */
  swapSlippageBps?: number
}

/**
 * The {@link WalletGuard} over a Sextant vault (a Safe with the guard module, `@sextant/vault`): every request goes
 * through the vault SDK's `execute` — decoding, the module's exact policy checks in TypeScript, the provenance
 * gate fed with the runtime's derived provenance, simulation — and only then the session key's `execute` on the
 * module, which enforces the same policy on-chain. Swaps run on the configured Uniswap V2 pairs (`prepareSwap`: the
 * input paid to the pair counts as spending, the output must come back to the Safe, the Safe receives exactly the
 * amount asked for — at least `minAmountOut` — or nothing); the pair is the operator's (`allowlist`), the token and
 * amount keep the provenance the runtime derived.
 *
 * @example
 * const guard = createVaultGuard({ client: chain, vault, sessionKey: agentAccount, store, swapPairs: [pair] })
 * const tools = vaultTools({ guard })
 */
export function createVaultGuard(p: CreateVaultGuardParameters): WalletGuard {
  const { client, vault, sessionKey } = p
  const pairTokens = new Map<Address, Promise<readonly [Address, Address]>>()
  const tokensOf = (pair: Address) => {
    if (!pairTokens.has(pair)) {
      const read = (functionName: 'token0' | 'token1') =>
        client.publicClient.readContract({ address: pair, abi: uniswapV2PairAbi, functionName })
      pairTokens.set(pair, Promise.all([read('token0'), read('token1')]))
    }
    return pairTokens.get(pair)!
  }
  const findPair = async (a: Address, b: Address) => {
    for (const pair of p.swapPairs ?? []) {
      const [t0, t1] = await tokensOf(pair)
      const has = (x: Address) => isAddressEqual(x, t0) || isAddressEqual(x, t1)
      if (!isAddressEqual(a, b) && has(a) && has(b)) return pair
    }
    return undefined
  }
  const run = async (
    base: Omit<GuardDecision, 'decision' | 'rule' | 'reason'>,
    request: PaymentRequest,
  ): Promise<GuardDecision> => {
    const r = await execute(client, {
      vault,
      sessionKey,
      request,
      ...(p.store ? { store: p.store } : {}),
      ...(p.log ? { log: p.log } : {}),
      ...(p.tokens ? { tokens: p.tokens } : {}),
      ...(p.agentId ? { agentId: p.agentId } : {}),
    })
    const decision =
      r.status === 'executed' ? 'allow' : r.status === 'needs-approval' ? 'needs-approval' : 'deny'
    return {
      ...base,
      decision,
      rule: r.status === 'reverted' ? `chain.${r.revert ?? 'reverted'}` : r.decision.rule,
      reason: r.decision.reason,
      ...(r.txHash ? { txHash: r.txHash } : {}),
      ...(r.approvalId !== undefined ? { approvalId: String(r.approvalId) } : {}),
    }
  }
  return {
    address: vault.safe,
    chainId: vault.chainId,
    async balances(tokens = p.tokens?.map((t) => t.address) ?? []) {
      const out: VaultBalance[] = [
        {
          asset: 'ETH',
          symbol: 'ETH',
          decimals: 18,
          value: await client.publicClient.getBalance({ address: vault.safe }),
        },
      ]
      for (const token of tokens) {
        const info = p.tokens?.find((t) => t.address.toLowerCase() === token.toLowerCase())
        const value = await client.publicClient.readContract({
          address: token,
          abi: erc20Abi,
          functionName: 'balanceOf',
          args: [vault.safe],
        })
        out.push({ asset: token, symbol: info?.symbol ?? token, decimals: info?.decimals ?? 18, value })
      }
      return out
    },
    transfer({ to, amount, token }) {
      const base = {
        kind: 'transfer' as const,
        chainId: vault.chainId,
        asset: token?.value ?? 'ETH',
        value: amount.value,
        to: to.value,
      }
      const provenance = {
        recipient: toVaultProvenance(to),
        amount: toVaultProvenance(amount),
        ...(token ? { token: toVaultProvenance(token) } : {}),
      }
      return run(
        base,
        token
          ? {
              to: token.value,
              value: 0n,
              data: encodeFunctionData({
                abi: erc20Abi,
                functionName: 'transfer',
                args: [to.value, amount.value],
              }),
              provenance,
            }
          : {
              to: to.value,
              value: amount.value,
              data: '0x',
              provenance: { ...provenance, token: { source: 'user' } },
            },
      )
    },
    approve({ spender, amount, token }) {
      return run(
        {
          kind: 'approve',
          chainId: vault.chainId,
          asset: token.value,
          value: amount.value,
          to: spender.value,
        },
        {
          to: token.value,
          value: 0n,
          data: encodeFunctionData({
            abi: erc20Abi,
            functionName: 'approve',
            args: [spender.value, amount.value],
          }),
          provenance: {
            spender: toVaultProvenance(spender),
            amount: toVaultProvenance(amount),
            token: toVaultProvenance(token),
          },
        },
      )
    },
    async swap({ tokenIn, tokenOut, amountIn, minAmountOut }) {
      const base = {
        kind: 'swap' as const,
        chainId: vault.chainId,
        asset: tokenIn.value,
        value: amountIn.value,
        to: tokenIn.value,
      }
      const pair = await findPair(tokenIn.value, tokenOut.value)
      if (!pair) {
        return {
          ...base,
          decision: 'deny',
          rule: 'swap.noPair',
          reason:
            (p.swapPairs ?? []).length === 0
              ? 'no swap pairs are configured for this agent: the operator lists the Uniswap V2 pairs (the vault policy’s `swaps:`, or the agent config’s vault.swaps.pairs)'
              : `no allowlisted Uniswap V2 pair swaps ${tokenIn.value} for ${tokenOut.value}`,
        }
      }
      let request: PaymentRequest
      try {
        ;({ request } = await prepareSwap(client, {
          vault,
          pair,
          tokenIn: tokenIn.value,
          amountIn: amountIn.value,
          minAmountOut: minAmountOut.value,
          slippageBps: p.swapSlippageBps ?? 50,
          provenance: {
            recipient: { source: 'allowlist', note: 'swap pair from the operator' },
            amount: toVaultProvenance(amountIn),
            token: toVaultProvenance(tokenIn),
          },
          ...(p.tokens ? { tokens: p.tokens } : {}),
        }))
      } catch (error) {
        if (!(error instanceof SwapError)) throw error
        return { ...base, to: pair, decision: 'deny', rule: 'swap.quote', reason: error.message }
      }
      return run({ ...base, to: pair }, request)
    },
  }
}
