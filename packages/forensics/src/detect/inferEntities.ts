import type { WalletGraph } from '../graph/WalletGraph.ts'
import type { AnalysisOptions } from './AnalysisOptions.ts'
import { createUnionFind } from './createUnionFind.ts'
import { isPrivateFunder } from './isPrivateFunder.ts'

/**
 * Groups wallets into entities (wallets one owner controls): a wallet joins its funder when the funder is
 * private (see `isPrivateFunder`), and wallets that pass a token between them are joined. Returns wallet →
 * entity id (the id of an entity is one of its wallets), for every wallet the graph has seen.
 *
 * @example
 * const entities = inferEntities(graph, defaultAnalysisOptions)
 * entities.get(insider) === entities.get(dev) // true
 */
export function inferEntities(graph: WalletGraph, options: AnalysisOptions): Map<string, string> {
  const uf = createUnionFind()
  for (const wallet of graph.firstSeen.keys()) uf.find(wallet)
  for (const [funder, edges] of graph.funds) {
    if (!isPrivateFunder(graph, funder, options)) continue
    for (const edge of edges) uf.union(funder, edge.to)
  }
  for (const state of graph.tokens.values()) {
    for (const [from, out] of state.transferEdges) {
      if (state.pools.has(from)) continue
      for (const to of out.keys()) if (!state.pools.has(to)) uf.union(from, to)
    }
  }
  const entities = new Map<string, string>()
  for (const [root, wallets] of uf.groups()) {
    const id = [...wallets].sort()[0] ?? root
    for (const wallet of wallets) entities.set(wallet, id)
  }
  return entities
}
