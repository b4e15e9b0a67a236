import type { Address } from 'viem'
import { fractionOf } from './fractionOf.ts'
import type { PlanAction } from './MarketPlan.ts'
import { type PoolState, quoteSwap } from './poolMath.ts'
import type { Intent } from './resolveIntents.ts'

/** Parameters of {@link resolvePoolIntents}. */
export type ResolvePoolIntentsParameters = {
  /** The post-migration intents (launches are ignored). */
  intents: readonly Intent[]
  /** Token balances when the pool opened; updated in place. */
  holdings: Map<Address, bigint>
  /** The pool's reserves and LP supply after the migration; updated in place. */
  pool: PoolState
}

const min = (a: bigint, b: bigint) => (a < b ? a : b)

/**
 * Plays post-migration intents in (block, insertion) order against the token's Uniswap V2 pair, without a
 * router: a buy wraps its coin, sends the WETH to the pair and swaps the tokens out; a sell sends the tokens to
 * the pair and swaps the WETH out (the pool's 0.3% fee applied, to the wei). Sells and transfers are fractions
 * of the holding then; a trade too small to move a base unit is dropped. Adding liquidity wraps `value`, pays it
 * and the tokens at the pool's price (capped by the holding) into the pair and mints; removing pays all the
 * wallet's LP tokens back to the pair and burns them (Uniswap V2's `mint`/`burn` amounts, to the wei).
 *
 * @example
 * const actions = resolvePoolIntents({ intents, holdings, pool: { token: 206_900_000n * 10n ** 18n, native: 85n * 10n ** 18n } })
 */
export function resolvePoolIntents({ intents, holdings, pool }: ResolvePoolIntentsParameters): PlanAction[] {
  const ordered = [...intents].sort((a, b) => a.block - b.block || a.seq - b.seq)
  const actions: PlanAction[] = []
  const lpHeld = new Map<Address, bigint>()
  for (const intent of ordered) {
    const { block, wallet } = intent
    const held = holdings.get(wallet) ?? 0n
    if (intent.kind === 'launch') continue
    if (intent.kind === 'addLiquidity') {
      let nativeAmount = intent.value
      let tokenAmount = (nativeAmount * pool.token) / pool.native
      if (tokenAmount > held) {
        tokenAmount = held
        nativeAmount = (tokenAmount * pool.native) / pool.token
      }
      const liquidity = min((nativeAmount * pool.lp) / pool.native, (tokenAmount * pool.lp) / pool.token)
      if (liquidity === 0n) continue
      pool.native += nativeAmount
      pool.token += tokenAmount
      pool.lp += liquidity
      holdings.set(wallet, held - tokenAmount)
      lpHeld.set(wallet, (lpHeld.get(wallet) ?? 0n) + liquidity)
      actions.push(
        { type: 'wrap', block, wallet, value: nativeAmount },
        { type: 'poolPay', block, wallet, token: 0, asset: 'native', amount: nativeAmount },
        { type: 'poolPay', block, wallet, token: 0, asset: 'token', amount: tokenAmount },
        { type: 'liquidity', block, wallet, token: 0, action: 'add', liquidity, nativeAmount, tokenAmount },
      )
      continue
    }
    if (intent.kind === 'removeLiquidity') {
      const liquidity = lpHeld.get(wallet) ?? 0n
      if (liquidity === 0n) continue
      const nativeAmount = (liquidity * pool.native) / pool.lp
      const tokenAmount = (liquidity * pool.token) / pool.lp
      pool.native -= nativeAmount
      pool.token -= tokenAmount
      pool.lp -= liquidity
      holdings.set(wallet, held + tokenAmount)
      lpHeld.set(wallet, 0n)
      actions.push(
        { type: 'poolPay', block, wallet, token: 0, asset: 'lp', amount: liquidity },
        {
          type: 'liquidity',
          block,
          wallet,
          token: 0,
          action: 'remove',
          liquidity,
          nativeAmount,
          tokenAmount,
        },
      )
      continue
    }
    if (intent.kind === 'buy') {
      const out = quoteSwap(intent.value, pool.native, pool.token)
      if (out === 0n) continue
      pool.native += intent.value
      pool.token -= out
      holdings.set(wallet, held + out)
      actions.push(
        { type: 'wrap', block, wallet, value: intent.value },
        { type: 'poolPay', block, wallet, token: 0, asset: 'native', amount: intent.value },
        { type: 'swap', block, wallet, token: 0, side: 'buy', amountIn: intent.value, amountOut: out },
      )
      continue
    }
    const amount = fractionOf(held, intent.fraction)
    if (amount === 0n) continue
    holdings.set(wallet, held - amount)
    if (intent.kind === 'transfer') {
      holdings.set(intent.to, (holdings.get(intent.to) ?? 0n) + amount)
      actions.push({ type: 'transfer', block, from: wallet, to: intent.to, token: 0, amount })
      continue
    }
    const out = quoteSwap(amount, pool.token, pool.native)
    if (out === 0n) {
      holdings.set(wallet, held)
      continue
    }
    pool.token += amount
    pool.native -= out
    actions.push(
      { type: 'poolPay', block, wallet, token: 0, asset: 'token', amount },
      { type: 'swap', block, wallet, token: 0, side: 'sell', amountIn: amount, amountOut: out },
    )
  }
  return actions
}
