import type { MarketEvent } from '../model/MarketEvent.ts'
import { applyEvent } from './applyEvent.ts'
import { createWalletGraph } from './createWalletGraph.ts'
import type { WalletGraph } from './WalletGraph.ts'

/** Parameters of {@link buildWalletGraph}. */
export type BuildWalletGraphParameters = {
  events: Iterable<MarketEvent>
  /** Only events at or before this unix time (a snapshot "as of" a moment, e.g. 60 s after launch). */
  until?: number
}

/**
 * Builds a wallet graph from a list of events (duplicates are dropped), optionally as of a moment.
 *
 * @example
 * const graph = buildWalletGraph({ events, until: launch.timestamp + 60 })
 */
export function buildWalletGraph({ events, until }: BuildWalletGraphParameters): WalletGraph {
  const graph = createWalletGraph()
  for (const event of events) {
    if (until !== undefined && event.timestamp > until) continue
    applyEvent(graph, event)
  }
  return graph
}
