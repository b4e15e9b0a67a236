import type { TokenState } from '../graph/WalletGraph.ts'

/**
 * The wallets that launched, traded, sent or received `state`'s token (pools excluded), in order of first
 * appearance.
 *
 * @example
 * participantsOf(getTokenState(graph, token)) // ['0xDev', '0xBundler', …]
 */
export function participantsOf(state: TokenState): string[] {
  const out = new Set<string>()
  if (state.launch) out.add(state.launch.creator)
  for (const trade of state.trades) out.add(trade.trader)
  for (const transfer of state.transfers) {
    if (!state.pools.has(transfer.from)) out.add(transfer.from)
    if (!state.pools.has(transfer.to)) out.add(transfer.to)
  }
  return [...out]
}
