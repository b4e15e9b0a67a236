import type { WalletGraph } from './WalletGraph.ts'

/**
 * Whether `wallet` launched, bought or sold any token (exchanges and relays only move coin).
 *
 * @example
 * hasTraded(graph, dev) // true
 */
export function hasTraded(graph: WalletGraph, wallet: string): boolean {
  for (const state of graph.tokens.values()) {
    if (state.launch?.creator === wallet || state.bought.has(wallet) || state.sold.has(wallet)) return true
  }
  return false
}
