import type { TradeEvent } from '../model/MarketEvent.ts'

/**
 * Orders two trades by block, then transaction index, then log index.
 *
 * @example
 * trades.sort(compareTrades)
 */
export function compareTrades(a: TradeEvent, b: TradeEvent): number {
  return a.block - b.block || a.txIndex - b.txIndex || a.logIndex - b.logIndex
}
