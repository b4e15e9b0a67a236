import type { WalletGraph } from './WalletGraph.ts'

/**
 * The unix time of the earliest buy of any token by `wallet`, or `undefined` if it never bought.
 *
 * @example
 * firstBuyTime(graph, '0xA') // 1800000042
 */
export function firstBuyTime(graph: WalletGraph, wallet: string): number | undefined {
  let first: number | undefined
  for (const state of graph.tokens.values()) {
    const buy = state.firstBuy.get(wallet)
    if (buy && (first === undefined || buy.timestamp < first)) first = buy.timestamp
  }
  return first
}
