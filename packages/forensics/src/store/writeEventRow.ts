import type { MarketEvent } from '../model/MarketEvent.ts'
import { encodeEvent } from './eventCodec.ts'
import { eventColumnCount } from './insertEventsSql.ts'

/**
 * Writes an event's row into `values` as the `row`-th group of a multi-row insert's parameters, in
 * `insertEventsSql`'s column order.
 *
 * @example
 * writeEventRow(values, 0, event)
 */
export function writeEventRow(values: unknown[], row: number, event: MarketEvent): void {
  const r = encodeEvent(event)
  const at = row * eventColumnCount
  values[at] = r.chain
  values[at + 1] = r.block
  values[at + 2] = r.timestamp
  values[at + 3] = r.tx
  values[at + 4] = r.txIndex
  values[at + 5] = r.logIndex
  values[at + 6] = r.kind
  values[at + 7] = r.token
  values[at + 8] = r.data
}
