import type { WalletGraph } from './WalletGraph.ts'

/**
 * The earliest block in which `wallet` bought any token, or `undefined` if it never bought.
 *
 * @example
 * firstBuyBlock(graph, '0xA') // 1042
 */
export function firstBuyBlock(graph: WalletGraph, wallet: string): number | undefined {
  let first: number | undefined
  for (const state of graph.tokens.values()) {
    const buy = state.firstBuy.get(wallet)
    if (buy && (first === undefined || buy.block < first)) first = buy.block
  }
  return first
}
