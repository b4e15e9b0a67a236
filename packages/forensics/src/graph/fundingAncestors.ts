import { fanOut } from './fanOut.ts'
import type { WalletGraph } from './WalletGraph.ts'

/** Parameters of {@link fundingAncestors}. */
export type FundingAncestorsParameters = {
  wallet: string
  /** Most funding hops followed back (default 4). */
  maxHops?: number
  /** Funders that fund more wallets than this are public sources (exchanges, faucets): not followed. */
  maxFanOut?: number
  /** Another test for public sources: a funder for which this returns true is recorded but not followed. */
  isPublic?: (wallet: string) => boolean
  /** Only funding at or before this unix time. */
  until?: number
}

/**
 * Walks funding edges backwards from `wallet`: every wallet that funded it directly or through up to
 * `maxHops` hops, with the fewest hops to reach it. Public sources (fan-out above `maxFanOut`) end a path.
 *
 * @example
 * const ancestors = fundingAncestors(graph, { wallet: insider, maxHops: 4 })
 * ancestors.get(dev) // 3 → the dev funded this wallet through two intermediaries
 */
export function fundingAncestors(
  graph: WalletGraph,
  { wallet, maxHops = 4, maxFanOut = Number.POSITIVE_INFINITY, isPublic, until }: FundingAncestorsParameters,
): Map<string, number> {
  const hops = new Map<string, number>()
  let frontier = [wallet]
  for (let depth = 1; depth <= maxHops && frontier.length > 0; depth++) {
    const next: string[] = []
    for (const w of frontier) {
      for (const edge of graph.fundedBy.get(w) ?? []) {
        if (until !== undefined && edge.timestamp > until) continue
        if (edge.from === wallet || hops.has(edge.from)) continue
        hops.set(edge.from, depth)
        if (fanOut(graph, edge.from) <= maxFanOut && !isPublic?.(edge.from)) next.push(edge.from)
      }
    }
    frontier = next
  }
  return hops
}
