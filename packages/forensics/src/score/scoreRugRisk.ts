import { groupsOf } from '../detect/groupsOf.ts'
import type { TokenAnalysis } from '../detect/TokenAnalysis.ts'
import { topHolderShare } from '../detect/topHolderShare.ts'
import { getTokenState } from '../graph/getTokenState.ts'
import type { WalletGraph } from '../graph/WalletGraph.ts'
import type { RiskSignal, RugRisk } from './RugRisk.ts'
import { type RiskWeights, riskWeights } from './riskWeights.ts'

/** Parameters of {@link scoreRugRisk}. */
export type ScoreRugRiskParameters = { analysis: TokenAnalysis; weights?: RiskWeights }

const pct = (x: number) => `${(x * 100).toFixed(1)}%`
const short = (w: string) => (w.length > 12 ? `${w.slice(0, 6)}…${w.slice(-4)}` : w)

/**
 * Scores how likely the token is to be rugged, as of the graph's latest event, and shows why: each signal
 * (the dev side's share of supply, insider wallets, creation-block bundles, cabal holdings, snipers,
 * top-10 concentration, the sniper count, fresh wallets, the dev side or the cabal already selling, liquidity pulled, wash volume) with
 * its value, weight, contribution and evidence. Score = sigmoid(bias + Σ weight × min(value, cap)).
 *
 * @example
 * const risk = scoreRugRisk(graph, { analysis: analyzeToken(graph, { token }) })
 * for (const s of risk.signals) console.log(s.name, s.contribution.toFixed(2), s.evidence)
 */
export function scoreRugRisk(
  graph: WalletGraph,
  { analysis, weights = riskWeights }: ScoreRugRiskParameters,
): RugRisk {
  const state = getTokenState(graph, analysis.token)
  const supply = analysis.launch?.totalSupply ?? 1_000_000_000n * 10n ** 18n
  const groups = groupsOf(analysis)
  const held = (wallets: Iterable<string>) => {
    let sum = 0n
    for (const w of wallets) sum += (state.balances.get(w) ?? 0n) > 0n ? state.balances.get(w)! : 0n
    return Number((sum * 1_000_000n) / supply) / 1_000_000
  }
  const devSide = new Set([...groups.dev, ...groups.insiders, ...groups.bundlers])
  let devSideBought = 0n
  let devSideSold = 0n
  for (const w of devSide) {
    devSideBought += state.bought.get(w) ?? 0n
    devSideBought += [...state.transfers]
      .filter((t) => t.to === w && !devSide.has(t.from))
      .reduce((a, t) => a + t.amount, 0n)
    devSideSold += state.sold.get(w) ?? 0n
  }
  let cabalBought = 0n
  let cabalSold = 0n
  for (const w of groups.cabal) {
    cabalBought += state.bought.get(w) ?? 0n
    cabalSold += state.sold.get(w) ?? 0n
  }
  const cabalSoldShare =
    cabalBought === 0n ? 0 : Math.min(1, Number((cabalSold * 1000n) / cabalBought) / 1000)
  let bundleBought = 0n
  for (const w of groups.bundlers) bundleBought += state.bought.get(w) ?? 0n
  let volume = 0n
  for (const t of state.trades) volume += t.nativeAmount
  const washVolume = analysis.wash.reduce((a, w) => a + w.volume, 0n)
  const removed = state.liquidity.filter((l) => l.action === 'remove')
  const top10 = topHolderShare(
    [...state.balances].filter(([w]) => !state.pools.has(w)).map(([, b]) => b),
    supply,
  )
  const values: Record<string, [number, string]> = {
    devSideShare: [
      held(devSide),
      `dev ${analysis.dev ? short(analysis.dev) : 'unknown'} and ${devSide.size - 1} wallet(s) of its side hold ${pct(held(devSide))} of supply`,
    ],
    insiderWallets: [
      analysis.insiders.length,
      `${analysis.insiders.length} wallet(s) funded by the dev or handed its tokens${
        analysis.insiders.length
          ? ` (${analysis.insiders
              .slice(0, 3)
              .map((i) => `${short(i.wallet)} ${i.hops ? `${i.hops} hop(s)` : i.via}`)
              .join(', ')})`
          : ''
      }`,
    ],
    bundleShare: [
      Number((bundleBought * 1_000_000n) / supply) / 1_000_000,
      `${groups.bundlers.size} wallet(s) bought ${pct(Number((bundleBought * 1_000_000n) / supply) / 1_000_000)} of supply in the creation block`,
    ],
    cabalShare: [
      held(groups.cabal),
      `${analysis.cabals.length} coordinated cluster(s), ${groups.cabal.size} wallet(s) holding ${pct(held(groups.cabal))}`,
    ],
    sniperShare: [held(groups.snipers), `${groups.snipers.size} sniper(s) hold ${pct(held(groups.snipers))}`],
    top10Share: [top10, `the ten largest holders hold ${pct(top10)}`],
    sniperWallets: [
      groups.snipers.size,
      `${groups.snipers.size} wallet(s) bought within seconds of the launch`,
    ],
    freshShare: [held(groups.fresh), `${groups.fresh.size} fresh wallet(s) hold ${pct(held(groups.fresh))}`],
    devSideSold: [
      devSideBought === 0n ? 0 : Math.min(1, Number((devSideSold * 1000n) / devSideBought) / 1000),
      `the dev side sold ${devSideBought === 0n ? '0%' : pct(Math.min(1, Number((devSideSold * 1000n) / devSideBought) / 1000))} of what it got`,
    ],
    cabalSold: [cabalSoldShare, `the cabal sold ${pct(cabalSoldShare)} of what it bought`],
    liquidityRemoved: [removed.length > 0 ? 1 : 0, `${removed.length} liquidity removal(s)`],
    washVolumeShare: [
      volume === 0n ? 0 : Number((washVolume * 1000n) / volume) / 1000,
      `${analysis.wash.length} wash ring(s) made ${volume === 0n ? '0%' : pct(Number((washVolume * 1000n) / volume) / 1000)} of the volume`,
    ],
  }
  const signals: RiskSignal[] = Object.entries(values).map(([name, [value, evidence]]) => {
    const w = weights[name] ?? { weight: 0, cap: 0 }
    return {
      name,
      value,
      weight: w.weight,
      cap: w.cap,
      contribution: w.weight * Math.min(value, w.cap),
      evidence,
    }
  })
  const bias = weights.bias.weight
  const logit = bias + signals.reduce((a, s) => a + s.contribution, 0)
  const score = 1 / (1 + Math.exp(-logit))
  return {
    token: analysis.token,
    secondsAfterLaunch: analysis.launch ? analysis.asOf - analysis.launch.timestamp : 0,
    score,
    level: score >= 0.7 ? 'high' : score >= 0.3 ? 'elevated' : 'low',
    bias,
    signals: signals.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution)),
    top10Share: top10,
  }
}
