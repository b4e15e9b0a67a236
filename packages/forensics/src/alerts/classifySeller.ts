import { defaultAnalysisOptions } from '../detect/AnalysisOptions.ts'
import { isPrivateFunder } from '../detect/isPrivateFunder.ts'
import { maxInWindow } from '../detect/maxInWindow.ts'
import { fundingAncestors } from '../graph/fundingAncestors.ts'
import type { TokenState, WalletGraph } from '../graph/WalletGraph.ts'

/** Which watched group a selling wallet belongs to, and why. */
export type SellerGroup =
  | { group: 'dev' }
  | { group: 'insiders'; hops: number | undefined; via: 'funding' | 'transfer' }
  | { group: 'cabal'; funder: string; members: string[] }
  | { group: 'other' }

/**
 * Classifies one wallet of a token cheaply enough to run on every sell: the dev; an insider (funded by the
 * dev within four hops through private relays, or handed tokens by the dev's side); a cabal member (at
 * least four wallets of its private funder entered the token together); or other.
 *
 * @example
 * classifySeller(graph, state, seller) // { group: 'insiders', hops: 3, via: 'funding' }
 */
export function classifySeller(graph: WalletGraph, state: TokenState, wallet: string): SellerGroup {
  const options = defaultAnalysisOptions
  const dev = state.launch?.creator
  if (wallet === dev) return { group: 'dev' }
  const cache = new Map<string, boolean>()
  const isPublic = (w: string) => {
    const known = cache.get(w)
    if (known !== undefined) return !known
    const p = isPrivateFunder(graph, w, options)
    cache.set(w, p)
    return !p
  }
  if (dev) {
    const hops = fundingAncestors(graph, { wallet, maxHops: options.insiderMaxHops, isPublic }).get(dev)
    if (hops !== undefined) return { group: 'insiders', hops, via: 'funding' }
    for (const [from, out] of state.transferEdges) {
      if (!out.has(wallet)) continue
      const fromInsider =
        from === dev ||
        fundingAncestors(graph, { wallet: from, maxHops: options.insiderMaxHops, isPublic }).has(dev)
      if (fromInsider) return { group: 'insiders', hops: undefined, via: 'transfer' }
    }
  }
  for (const edge of graph.fundedBy.get(wallet) ?? []) {
    if (isPublic(edge.from)) continue
    const siblings = [...new Set((graph.funds.get(edge.from) ?? []).map((e) => e.to))]
    const entries = siblings.flatMap((s) => {
      const buy = state.firstBuy.get(s)
      return buy ? [buy.timestamp] : []
    })
    const together = maxInWindow(entries, options.coordinationSeconds)
    if (together >= 4 && together >= options.coordinationShare * siblings.length) {
      return {
        group: 'cabal',
        funder: edge.from,
        members: siblings.filter((s) => state.firstBuy.has(s)).sort(),
      }
    }
  }
  return { group: 'other' }
}
