import type { WalletGraph } from './WalletGraph.ts'

/**
 * Creates an empty wallet graph; feed it with {@link applyEvent} as events arrive.
 *
 * @example
 * const graph = createWalletGraph()
 * for (const event of events) applyEvent(graph, event)
 */
export function createWalletGraph(): WalletGraph {
  return {
    seen: new Set(),
    fundedBy: new Map(),
    funds: new Map(),
    firstSeen: new Map(),
    coTrades: new Map(),
    tokens: new Map(),
    now: 0,
  }
}
