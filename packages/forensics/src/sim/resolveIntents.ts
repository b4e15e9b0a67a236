import type { Address } from 'viem'
import { applyTrade, type CurveState, newCurve, quoteBuy, quoteSell } from './curveMath.ts'
import { fractionOf } from './fractionOf.ts'
import type { PlanAction } from './MarketPlan.ts'

/** A scenario's intent before it meets the curve: sells and transfers are fractions of the holding then. */
export type Intent =
  | { kind: 'launch'; seq: number; block: number; wallet: Address; value: bigint }
  | { kind: 'buy'; seq: number; block: number; wallet: Address; value: bigint }
  | { kind: 'sell'; seq: number; block: number; wallet: Address; fraction: number }
  | { kind: 'transfer'; seq: number; block: number; wallet: Address; to: Address; fraction: number }
  | { kind: 'addLiquidity'; seq: number; block: number; wallet: Address; value: bigint }
  | { kind: 'removeLiquidity'; seq: number; block: number; wallet: Address }

/** An intent without its insertion number (the builder assigns it). */
export type IntentInput = Intent extends infer I ? (I extends Intent ? Omit<I, 'seq'> : never) : never

/** Return type of {@link resolveIntents}: the actions, and the market as the curve phase leaves it. */
export type ResolveIntentsReturnType = {
  actions: PlanAction[]
  /** Token balance of every wallet after the last action. */
  holdings: Map<Address, bigint>
  curve: CurveState
  /** Block offset of the buy that completed the curve (and migrated it); absent while it is open. */
  completedAt?: number
}

/**
 * Plays the intents in (block, insertion) order against the token's curve and turns them into concrete
 * actions: fractions become token amounts, an `approve` precedes each wallet's first sell, and intents the
 * chain would reject (a trade after the curve completed, a sell of nothing, a trade too small to move a base
 * unit) are dropped.
 *
 * @example
 * const actions = resolveIntents(intents, 100)
 */
export function resolveIntents(intents: readonly Intent[], feeBps: number): ResolveIntentsReturnType {
  const ordered = [...intents].sort((a, b) => a.block - b.block || a.seq - b.seq)
  const curve = newCurve()
  const bps = BigInt(feeBps)
  const holdings = new Map<Address, bigint>()
  const approved = new Set<Address>()
  const actions: PlanAction[] = []
  let launched = false
  let completedAt: number | undefined
  for (const intent of ordered) {
    const held = holdings.get(intent.wallet) ?? 0n
    if (intent.kind === 'launch') {
      if (launched) continue
      launched = true
      actions.push({
        type: 'launch',
        block: intent.block,
        wallet: intent.wallet,
        token: 0,
        value: intent.value,
      })
      if (intent.value > 0n) {
        const q = quoteBuy(curve, intent.value, bps)
        applyTrade(curve, 'buy', q.ethIn, q.tokensOut)
        holdings.set(intent.wallet, held + q.tokensOut)
        if (curve.complete) completedAt = intent.block
      }
      continue
    }
    // Liquidity intents only make sense in the pool (the pair refuses the token until the migration).
    if (!launched || curve.complete || intent.kind === 'addLiquidity' || intent.kind === 'removeLiquidity')
      continue
    if (intent.kind === 'buy') {
      const q = quoteBuy(curve, intent.value, bps)
      if (q.tokensOut === 0n) continue
      applyTrade(curve, 'buy', q.ethIn, q.tokensOut)
      holdings.set(intent.wallet, held + q.tokensOut)
      actions.push({ type: 'buy', block: intent.block, wallet: intent.wallet, token: 0, value: intent.value })
      if (curve.complete) completedAt = intent.block
      continue
    }
    const amount = fractionOf(held, intent.fraction)
    if (amount === 0n) continue
    if (intent.kind === 'transfer') {
      holdings.set(intent.wallet, held - amount)
      holdings.set(intent.to, (holdings.get(intent.to) ?? 0n) + amount)
      actions.push({
        type: 'transfer',
        block: intent.block,
        from: intent.wallet,
        to: intent.to,
        token: 0,
        amount,
      })
      continue
    }
    const { ethOut } = quoteSell(curve, amount, bps)
    if (ethOut === 0n) continue
    applyTrade(curve, 'sell', ethOut, amount)
    holdings.set(intent.wallet, held - amount)
    if (!approved.has(intent.wallet)) {
      approved.add(intent.wallet)
      actions.push({ type: 'approve', block: intent.block, wallet: intent.wallet, token: 0 })
    }
    actions.push({ type: 'sell', block: intent.block, wallet: intent.wallet, token: 0, tokenAmount: amount })
  }
  return { actions, holdings, curve, ...(completedAt === undefined ? {} : { completedAt }) }
}
