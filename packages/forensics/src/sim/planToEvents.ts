import type { Address } from 'viem'
import type { EventLocation, MarketEvent } from '../model/MarketEvent.ts'
import {
  applyTrade,
  type CurveState,
  MIGRATION_TOKEN_AMOUNT,
  newCurve,
  quoteBuy,
  quoteSell,
  TOTAL_SUPPLY,
} from './curveMath.ts'
import type { MarketPlan, PlanAction } from './MarketPlan.ts'
import type { PoolState } from './poolMath.ts'

/** Parameters of {@link planToEvents}: where offset 0 lies and, after a chain run, the real transaction hashes. */
export type PlanToEventsOptions = {
  /** Block and unix time of offset 0 (default: `plan.origin`). */
  origin?: { block: number; timestamp: number }
  /** Transaction hash of each action, by index (default: `plan:<seed>:<scenario>:<index>`). */
  txHashes?: readonly string[]
}

/** Logs each transaction emits, so that log indices match the chain's (they run across a block). */
const LAUNCH_LOGS_BEFORE_EVENT = 2 // PairCreated, Transfer (mint to the launchpad)
// WETH mint Transfer + Deposit, WETH Transfer, PairOpened, Transfer, LP Transfer x2, Sync, Mint, Migrated
const MIGRATION_LOGS = 10
// UniswapV2Pair.swap: Transfer of the output, Sync, Swap.
const SWAP_LOGS = 3
// WETH9.deposit: Transfer (mint), Deposit.
const WRAP_LOGS = 2
// UniswapV2Pair.mint: LP Transfer, Sync, Mint; burn: LP Transfer, two asset Transfers, Sync, Burn.
const MINT_LOGS = 3
const BURN_LOGS = 5

/**
 * The `MarketEvent`s a chain run of `plan` produces, computed from the curve math alone: what `runMarket`
 * followed by EVM ingestion yields (blocks, transaction and log positions, amounts, reserves), so detectors can
 * be evaluated over many seeds without a chain. Block offsets are logical time: only blocks with actions exist,
 * numbered consecutively from the origin, each stamped `origin.timestamp + offset * blockTime`. Funding
 * transfers carry log index -1 (they are transactions, not logs). After a migration, pool swaps are `pool`
 * trades (WETH in or out, the pool's fee included, `fee` 0) with the pair's reserves after the swap.
 *
 * @example
 * const events = planToEvents(planMarket({ seed: 3, scenario: 'hard-rug' }))
 */
export function planToEvents(plan: MarketPlan, options: PlanToEventsOptions = {}): MarketEvent[] {
  const origin = options.origin ?? plan.origin
  const chain = `eip155:${plan.chainId}`
  const feeBps = BigInt(plan.feeBps)
  const curves: CurveState[] = plan.tokens.map(() => newCurve())
  const pools: PoolState[] = plan.tokens.map(() => ({ token: 0n, native: 0n, lp: 0n }))
  const events: MarketEvent[] = []
  let block = Number.NaN
  let rank = -1
  let txIndex = 0
  let logIndex = 0
  plan.actions.forEach((action, i) => {
    if (action.block !== block) {
      block = action.block
      rank++
      txIndex = 0
      logIndex = 0
    }
    const at = (log: number): EventLocation => ({
      chain,
      block: origin.block + rank,
      timestamp: origin.timestamp + action.block * plan.blockTime,
      tx: options.txHashes?.[i] ?? `plan:${plan.seed}:${plan.scenario}:${i}`,
      txIndex,
      logIndex: log,
    })
    logIndex =
      action.type === 'wrap' ||
      action.type === 'poolPay' ||
      action.type === 'swap' ||
      action.type === 'liquidity'
        ? emitPool(plan, action, pools, at, logIndex, events)
        : emit(plan, action, curves, pools, feeBps, at, logIndex, events)
    txIndex++
  })
  return events
}

function emit(
  plan: MarketPlan,
  action: Exclude<PlanAction, { type: 'wrap' | 'poolPay' | 'swap' | 'liquidity' }>,
  curves: CurveState[],
  pools: PoolState[],
  feeBps: bigint,
  at: (log: number) => EventLocation,
  log: number,
  events: MarketEvent[],
): number {
  if (action.type === 'fund') {
    events.push({ ...at(-1), kind: 'funding', from: action.from, to: action.to, amount: action.amount })
    return log
  }
  if (action.type === 'approve') return log + 1
  const token = plan.tokens[action.token]!
  const curve = curves[action.token]!
  if (action.type === 'transfer') {
    events.push({
      ...at(log),
      kind: 'transfer',
      token: token.address,
      from: action.from,
      to: action.to,
      amount: action.amount,
    })
    return log + 1
  }
  if (action.type === 'sell') {
    const { ethOut, fee } = quoteSell(curve, action.tokenAmount, feeBps)
    applyTrade(curve, 'sell', ethOut, action.tokenAmount)
    events.push(trade(at(log), token.address, action.wallet, 'sell', ethOut, action.tokenAmount, fee, curve))
    return log + 2
  }
  let next = log
  if (action.type === 'launch') {
    next += LAUNCH_LOGS_BEFORE_EVENT
    events.push({
      ...at(next),
      kind: 'launch',
      token: token.address,
      creator: action.wallet,
      name: token.name,
      symbol: token.symbol,
      totalSupply: TOTAL_SUPPLY,
    })
    next++
    if (action.value === 0n) return next
  }
  const q = quoteBuy(curve, action.value, feeBps)
  applyTrade(curve, 'buy', q.ethIn, q.tokensOut)
  events.push(trade(at(next), token.address, action.wallet, 'buy', q.ethIn, q.tokensOut, q.fee, curve))
  next++
  if (!curve.complete) return next + 1
  events.push({ ...at(next), kind: 'complete', token: token.address })
  next += 2
  pools[action.token] = { token: MIGRATION_TOKEN_AMOUNT, native: curve.realEth - plan.migrationFee, lp: 0n }
  events.push({
    ...at(next + MIGRATION_LOGS - 1),
    kind: 'liquidity',
    token: token.address,
    action: 'migrate',
    pool: token.pair,
    nativeAmount: curve.realEth - plan.migrationFee,
    tokenAmount: MIGRATION_TOKEN_AMOUNT,
    provider: plan.deployment.launchpad,
  })
  return next + MIGRATION_LOGS
}

/**
 * A pool action's logs: a wrap emits two (Transfer, Deposit), a payment one (Transfer), a swap three (Swap
 * last), a mint three (Mint last), a burn five (Burn last).
 */
function emitPool(
  plan: MarketPlan,
  action: Extract<PlanAction, { type: 'wrap' | 'poolPay' | 'swap' | 'liquidity' }>,
  pools: PoolState[],
  at: (log: number) => EventLocation,
  log: number,
  events: MarketEvent[],
): number {
  if (action.type === 'wrap') return log + WRAP_LOGS
  if (action.type === 'poolPay') return log + 1
  const pool = pools[action.token]!
  if (action.type === 'liquidity') {
    const add = action.action === 'add'
    const logs = add ? MINT_LOGS : BURN_LOGS
    pool.native += add ? action.nativeAmount : -action.nativeAmount
    pool.token += add ? action.tokenAmount : -action.tokenAmount
    const token = plan.tokens[action.token]!
    events.push({
      ...at(log + logs - 1),
      kind: 'liquidity',
      token: token.address,
      action: action.action,
      pool: token.pair,
      nativeAmount: action.nativeAmount,
      tokenAmount: action.tokenAmount,
      provider: action.wallet,
    })
    return log + logs
  }
  const buy = action.side === 'buy'
  pool.native += buy ? action.amountIn : -action.amountOut
  pool.token += buy ? -action.amountOut : action.amountIn
  events.push({
    ...at(log + SWAP_LOGS - 1),
    kind: 'trade',
    token: plan.tokens[action.token]!.address,
    trader: action.wallet,
    side: action.side,
    nativeAmount: buy ? action.amountIn : action.amountOut,
    tokenAmount: buy ? action.amountOut : action.amountIn,
    fee: 0n,
    venue: 'pool',
    reserves: {
      virtualNative: pool.native,
      virtualToken: pool.token,
      realNative: pool.native,
      realToken: pool.token,
    },
  })
  return log + SWAP_LOGS
}

function trade(
  location: EventLocation,
  token: Address,
  trader: Address,
  side: 'buy' | 'sell',
  nativeAmount: bigint,
  tokenAmount: bigint,
  fee: bigint,
  c: CurveState,
): MarketEvent {
  return {
    ...location,
    kind: 'trade',
    token,
    trader,
    side,
    nativeAmount,
    tokenAmount,
    fee,
    venue: 'curve',
    reserves: {
      virtualNative: c.virtualEth,
      virtualToken: c.virtualToken,
      realNative: c.realEth,
      realToken: c.realToken,
    },
  }
}
