import type { VersionedFields } from './DecodedFields.ts'
import { type DecodeEventFieldsReturnType, decodeEventFields } from './decodeEventFields.ts'
import { TRADE_EVENT_GROUPS } from './pumpfunLayouts.ts'

/**
 * Fields of pump.fun's TradeEvent (a buy or sell on the bonding curve). `trader` is the IDL's `user`.
 * For coins paired with a quote mint other than SOL, `solAmount` is 0 and `quoteAmount` carries the price.
 *
 * @example
 * const { trader, solAmount, ixName }: TradeEventFields = decodeTradeEvent(payload).fields
 */
export type TradeEventFields = VersionedFields<typeof TRADE_EVENT_GROUPS>

/**
 * Decodes a TradeEvent payload (the bytes after its 8-byte discriminator), whichever layout it has.
 *
 * @example
 * const { fields, info } = decodeTradeEvent(payload)
 */
export function decodeTradeEvent(
  payload: Uint8Array,
): DecodeEventFieldsReturnType<typeof TRADE_EVENT_GROUPS> {
  return decodeEventFields(payload, TRADE_EVENT_GROUPS, 'TradeEvent')
}
