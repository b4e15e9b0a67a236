import type { TokenState } from '../graph/WalletGraph.ts'
import type { TradeEvent } from '../model/MarketEvent.ts'
import { compareTrades } from './compareTrades.ts'

/**
 * Each wallet's earliest sell of the token (by block, transaction and log position).
 *
 * @example
 * firstSells(state).get(lead)?.block // 1932
 */
export function firstSells(state: TokenState): Map<string, TradeEvent> {
  const out = new Map<string, TradeEvent>()
  for (const trade of state.trades) {
    if (trade.side !== 'sell') continue
    const first = out.get(trade.trader)
    if (!first || compareTrades(trade, first) < 0) out.set(trade.trader, trade)
  }
  return out
}
