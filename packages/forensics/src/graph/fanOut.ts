import type { WalletGraph } from './WalletGraph.ts'

/**
 * Number of distinct wallets `wallet` has funded.
 *
 * @example
 * fanOut(graph, '0xExchange') // 412
 */
export function fanOut(graph: WalletGraph, wallet: string): number {
  const edges = graph.funds.get(wallet)
  if (!edges) return 0
  if (edges.length <= 1) return edges.length
  return new Set(edges.map((e) => e.to)).size
}
