import type { TokenState, WalletGraph } from './WalletGraph.ts'

/**
 * Returns the state of `token` in the graph, creating it empty the first time the token is seen.
 *
 * @example
 * const state = tokenStateOf(graph, event.token)
 */
export function tokenStateOf(graph: WalletGraph, token: string): TokenState {
  let state = graph.tokens.get(token)
  if (!state) {
    state = {
      token,
      launch: undefined,
      trades: [],
      transfers: [],
      liquidity: [],
      completion: undefined,
      balances: new Map(),
      firstBuy: new Map(),
      bought: new Map(),
      sold: new Map(),
      nativeIn: new Map(),
      nativeOut: new Map(),
      blockTraders: new Map(),
      transferEdges: new Map(),
      pools: new Set(),
    }
    graph.tokens.set(token, state)
  }
  return state
}
