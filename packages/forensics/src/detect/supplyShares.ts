import { getTokenState } from '../graph/getTokenState.ts'
import type { WalletGraph } from '../graph/WalletGraph.ts'
import type { MarketEvent } from '../model/MarketEvent.ts'
import { groupsOf, type HolderGroup } from './groupsOf.ts'
import type { TokenAnalysis } from './TokenAnalysis.ts'
import { topHolderShare } from './topHolderShare.ts'

/** One point of {@link supplyShares}: the share of supply each group held at that moment. */
export type SupplySharePoint = {
  secondsAfterLaunch: number
  shares: Record<HolderGroup | 'top10', number>
}

/** Parameters of {@link supplyShares}. */
export type SupplySharesParameters = {
  analysis: TokenAnalysis
  /** Sample times in seconds after the launch (default 0, 10, 30, 60, 120, 300, 600, 1800, 3600 and now). */
  at?: number[]
}

const DEFAULT_AT = [0, 10, 30, 60, 120, 300, 600, 1800, 3600]

/**
 * The share of total supply each group (dev, insiders, bundlers, snipers, cabal, wash, fresh, and the ten
 * largest holders) held over time: the token's trades, transfers and pool liquidity moves replayed in chain order, sampled at
 * the given times. Group membership is the analysis' (what is known now, applied to the past).
 *
 * @example
 * supplyShares(graph, { analysis }).at(-1)?.shares.insiders // 0.18
 */
export function supplyShares(
  graph: WalletGraph,
  { analysis, at }: SupplySharesParameters,
): SupplySharePoint[] {
  const state = getTokenState(graph, analysis.token)
  const launchTime = state.launch?.timestamp ?? Math.min(...state.trades.map((t) => t.timestamp))
  const supply = state.launch?.totalSupply ?? 1_000_000_000n * 10n ** 18n
  const end = Math.max(0, graph.now - launchTime)
  const times = [...new Set([...(at ?? DEFAULT_AT).filter((t) => t <= end), end])].sort((a, b) => a - b)
  const events: MarketEvent[] = [...state.trades, ...state.transfers, ...state.liquidity].sort(
    (a, b) => a.block - b.block || a.txIndex - b.txIndex || a.logIndex - b.logIndex,
  )
  const groups = Object.entries(groupsOf(analysis)) as [HolderGroup, Set<string>][]
  const balances = new Map<string, bigint>()
  const add = (w: string, v: bigint) => {
    if (!state.pools.has(w)) balances.set(w, (balances.get(w) ?? 0n) + v)
  }
  const points: SupplySharePoint[] = []
  let i = 0
  for (const t of times) {
    while (i < events.length && events[i]!.timestamp - launchTime <= t) {
      const e = events[i++]!
      if (e.kind === 'trade') add(e.trader, e.side === 'buy' ? e.tokenAmount : -e.tokenAmount)
      else if (e.kind === 'transfer') {
        add(e.from, -e.amount)
        add(e.to, e.amount)
      } else if (e.kind === 'liquidity' && e.action !== 'migrate')
        add(e.provider, e.action === 'add' ? -e.tokenAmount : e.tokenAmount)
    }
    const shares = { top10: topHolderShare(balances.values(), supply) } as SupplySharePoint['shares']
    for (const [name, wallets] of groups) {
      let held = 0n
      for (const w of wallets) held += balances.get(w) ?? 0n
      shares[name] = held <= 0n ? 0 : Number((held * 1_000_000n) / supply) / 1_000_000
    }
    points.push({ secondsAfterLaunch: t, shares })
  }
  return points
}
