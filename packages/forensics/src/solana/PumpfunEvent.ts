import type { VersionedFields } from './DecodedFields.ts'
import type { CreateEventFields } from './decodeCreateEvent.ts'
import type { TradeEventFields } from './decodeTradeEvent.ts'
import type { LayoutInfo } from './LayoutInfo.ts'
import type { COMPLETE_EVENT_GROUPS, MIGRATION_EVENT_GROUPS } from './pumpfunLayouts.ts'

/**
 * Where an event was found and who caused it. `self-cpi+log` means the same bytes appeared as the
 * self-CPI instruction and as a `Program data:` line and were counted once.
 *
 * @example
 * const origin: EventOrigin = { source: 'self-cpi+log', topLevelIndex: 3, invokedBy: undefined, instructionIndex: 0 }
 */
export type EventOrigin = {
  source: 'self-cpi' | 'log' | 'self-cpi+log'
  /** Top-level instruction during which pump.fun emitted it. */
  topLevelIndex: number | undefined
  /** Program that called pump.fun through CPI (router, bot, other launchpad); `undefined` at top level. */
  invokedBy: string | undefined
  /** Index in `PumpfunTransaction.instructions` of the pump.fun instruction that emitted it. */
  instructionIndex: number | undefined
}

type Located = { layout: LayoutInfo; origin: EventOrigin }

/**
 * A normalized pump.fun event. Amounts are `bigint` in base units (lamports, token units with 6 decimals).
 *
 * @example
 * for (const e of tx.events) if (e.kind === 'buy') console.log(e.trader, e.solAmount, e.tokenAmount)
 */
export type PumpfunEvent =
  | ({ kind: 'buy' | 'sell' } & TradeEventFields & Located)
  | ({ kind: 'create' } & CreateEventFields & Located)
  | ({ kind: 'complete' } & VersionedFields<typeof COMPLETE_EVENT_GROUPS> & Located)
  | ({ kind: 'migrate' } & VersionedFields<typeof MIGRATION_EVENT_GROUPS> & Located)

/**
 * A pump.fun event payload that was not normalized: another pump.fun event (`not-normalized`), an unknown
 * discriminator, or bytes that could not be decoded (`malformed`, with the reason in `message`).
 *
 * @example
 * const skipped: UnrecognizedEvent = { name: 'ExtendAccountEvent', discriminator: '6161d7905d92167c',
 *   payloadLength: 88, reason: 'not-normalized', message: undefined, origin }
 */
export type UnrecognizedEvent = {
  name: string | undefined
  discriminator: string
  payloadLength: number
  reason: 'not-normalized' | 'unknown-discriminator' | 'malformed'
  message: string | undefined
  origin: EventOrigin
}
