import type { TokenState } from '../graph/WalletGraph.ts'
import type { AnalysisOptions } from './AnalysisOptions.ts'
import type { WashFinding } from './TokenAnalysis.ts'

/** Parameters of {@link detectWash}. */
export type DetectWashParameters = {
  state: TokenState
  /** Wallets that may wash trade (the dev's side is left out: its round trips are a rug, not wash). */
  candidates: ReadonlySet<string>
  entities: Map<string, string>
  options: AnalysisOptions
}

/**
 * Wash trading: an entity whose buys, internal token transfers and sells net to (almost) zero — the
 * tokens bought go round the group and are sold back, at least three times. A lone wallet qualifies with
 * three round trips of its own.
 *
 * @example
 * const rings = detectWash({ state, candidates, entities, options })
 */
export function detectWash({ state, candidates, entities, options }: DetectWashParameters): WashFinding[] {
  const groups = new Map<string, WashFinding>()
  const group = (wallet: string) => {
    const entity = entities.get(wallet) ?? wallet
    const g = groups.get(entity) ?? {
      entity,
      wallets: [],
      buys: 0,
      sells: 0,
      internalTransfers: 0,
      bought: 0n,
      net: 0n,
      volume: 0n,
    }
    groups.set(entity, g)
    if (!g.wallets.includes(wallet)) g.wallets.push(wallet)
    return g
  }
  for (const trade of state.trades) {
    if (!candidates.has(trade.trader)) continue
    const g = group(trade.trader)
    g.volume += trade.nativeAmount
    if (trade.side === 'buy') {
      g.buys++
      g.bought += trade.tokenAmount
      g.net += trade.tokenAmount
    } else {
      g.sells++
      g.net -= trade.tokenAmount
    }
  }
  for (const transfer of state.transfers) {
    const from = entities.get(transfer.from) ?? transfer.from
    const to = entities.get(transfer.to) ?? transfer.to
    if (from !== to || !candidates.has(transfer.from) || !candidates.has(transfer.to)) continue
    const g = group(transfer.from)
    group(transfer.to)
    g.internalTransfers++
  }
  const out: WashFinding[] = []
  for (const g of groups.values()) {
    const abs = g.net < 0n ? -g.net : g.net
    const nets =
      g.bought > 0n && abs * 10_000n <= BigInt(Math.round(options.washNetShare * 10_000)) * g.bought
    const ring = g.wallets.length >= 2 && g.internalTransfers >= 1
    const rounds = Math.min(g.buys, g.sells)
    if (nets && rounds >= 3 && (ring || g.wallets.length === 1)) out.push({ ...g, wallets: g.wallets.sort() })
  }
  return out
}
