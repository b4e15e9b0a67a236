import { type Address, erc20Abi, formatUnits, type PublicClient, parseUnits } from 'viem'
import type { GuardDecision, WalletGuard } from '../../guard/WalletGuard.ts'
import type { Tainted } from '../../taint/Tainted.ts'
import type { JsonSchema } from '../JsonSchema.ts'
import type { Tool, ToolContext, ToolResult } from '../Tool.ts'

const address: JsonSchema = { type: 'string', pattern: '^0x[0-9a-fA-F]{40}$' }
const amount: JsonSchema = {
  type: 'string',
  pattern: '^[0-9]+(\\.[0-9]+)?$',
  description: 'decimal, in whole units (e.g. "0.5")',
}

/**
 * The wallet-guard tools: `vault_balances`, `vault_transfer`, `vault_approve`, `vault_swap`. Each value argument
 * is handed to the guard with the provenance the runtime derived for it; the guard's decision comes back to the
 * model and into the audit log as a payment event.
 *
 * @example
 * const tools = vaultTools({ guard, publicClient, tokens: [usdc] })
 */
export function vaultTools(p: {
  guard: WalletGuard
  publicClient?: PublicClient
  tokens?: Address[]
}): Tool[] {
  const { guard } = p
  const decimalsOf = async (token?: Address) =>
    token && p.publicClient
      ? await p.publicClient.readContract({ address: token, abi: erc20Abi, functionName: 'decimals' })
      : 18
  const units = async (ctx: ToolContext, text: string, token?: Address): Promise<Tainted<bigint>> => {
    const t = ctx.taint(text)
    return { ...t, value: parseUnits(text, await decimalsOf(token)) }
  }
  const result = (
    d: GuardDecision,
    provenance: ToolResult['payment'] extends infer P
      ? P extends { provenance: infer Q }
        ? Q
        : never
      : never,
  ): ToolResult => ({
    content: {
      decision: d.decision,
      rule: d.rule,
      reason: d.reason,
      ...(d.txHash ? { txHash: d.txHash } : {}),
      ...(d.approvalId ? { approvalId: d.approvalId } : {}),
    },
    payment: { ...d, provenance },
  })
  return [
    {
      name: 'vault_balances',
      description: 'Balances the agent vault holds (ETH and configured tokens).',
      parameters: { type: 'object', properties: {} },
      output: 'tool',
      handler: async () => ({
        content: (await guard.balances(p.tokens)).map((b) => ({
          asset: b.asset,
          symbol: b.symbol,
          amount: formatUnits(b.value, b.decimals),
        })),
      }),
    },
    {
      name: 'vault_transfer',
      description:
        'Pay from the agent vault through the wallet guard: ETH, or an ERC-20 token when `token` is set.',
      parameters: {
        type: 'object',
        properties: { to: address, amount, token: address },
        required: ['to', 'amount'],
      },
      output: 'tool',
      handler: async (args: { to: Address; amount: string; token?: Address }, ctx) => {
        const to = ctx.taint(args.to)
        const value = await units(ctx, args.amount, args.token)
        const d = await guard.transfer({
          to,
          amount: value,
          ...(args.token ? { token: ctx.taint(args.token) } : {}),
        })
        return result(d, { to: to.provenance, amount: value.provenance })
      },
    },
    {
      name: 'vault_approve',
      description:
        'Let a spender move up to `amount` of an ERC-20 token from the vault, through the wallet guard.',
      parameters: {
        type: 'object',
        properties: { spender: address, amount, token: address },
        required: ['spender', 'amount', 'token'],
      },
      output: 'tool',
      handler: async (args: { spender: Address; amount: string; token: Address }, ctx) => {
        const spender = ctx.taint(args.spender)
        const value = await units(ctx, args.amount, args.token)
        const d = await guard.approve({ spender, amount: value, token: ctx.taint(args.token) })
        return result(d, { spender: spender.provenance, amount: value.provenance })
      },
    },
    {
      name: 'vault_swap',
      description:
        'Swap a token the vault holds on an allowlisted Uniswap V2 pair, through the wallet guard: pays `amountIn` of `tokenIn` and receives at least `minAmountOut` of `tokenOut` back into the vault, or nothing happens.',
      parameters: {
        type: 'object',
        properties: { tokenIn: address, tokenOut: address, amountIn: amount, minAmountOut: amount },
        required: ['tokenIn', 'tokenOut', 'amountIn', 'minAmountOut'],
      },
      output: 'tool',
      handler: async (
        args: { tokenIn: Address; tokenOut: Address; amountIn: string; minAmountOut: string },
        ctx,
      ) => {
        const [tokenIn, tokenOut] = [ctx.taint(args.tokenIn), ctx.taint(args.tokenOut)]
        const provenance = {
          tokenIn: tokenIn.provenance,
          tokenOut: tokenOut.provenance,
          amountIn: ctx.taint(args.amountIn).provenance,
          minAmountOut: ctx.taint(args.minAmountOut).provenance,
        }
        let amounts: [Tainted<bigint>, Tainted<bigint>]
        try {
          amounts = [
            await units(ctx, args.amountIn, args.tokenIn),
            await units(ctx, args.minAmountOut, args.tokenOut),
          ]
        } catch {
          // Without decimals() the amounts cannot be read: not an ERC-20 the vault can swap.
          return result(
            {
              kind: 'swap',
              chainId: guard.chainId,
              asset: args.tokenIn,
              value: 0n,
              to: args.tokenOut,
              decision: 'deny',
              rule: 'swap.unknownToken',
              reason: `${args.tokenIn} or ${args.tokenOut} does not answer decimals(): not a token the vault can swap`,
            },
            provenance,
          )
        }
        const [amountIn, minAmountOut] = amounts
        const d = await guard.swap({ tokenIn, tokenOut, amountIn, minAmountOut })
        return result(d, provenance)
      },
    },
  ]
}
