import { StoreError } from '../errors/StoreError.ts'
import type { EventLocation, MarketEvent } from '../model/MarketEvent.ts'

const BIGINT_FIELDS = new Set([
  'totalSupply',
  'nativeAmount',
  'tokenAmount',
  'fee',
  'amount',
  'virtualNative',
  'virtualToken',
  'realNative',
  'realToken',
])
const LOCATION_FIELDS = new Set(['chain', 'block', 'timestamp', 'tx', 'txIndex', 'logIndex'])

/** A stored event row: the location columns and the rest as JSON. */
export type EventRow = EventLocation & { kind: string; token: string | null; data: string }

/**
 * An event as a row: location and kind as columns, the other fields as JSON with amounts as decimal strings.
 *
 * @example
 * const row = encodeEvent(event)
 */
export function encodeEvent(event: MarketEvent): EventRow {
  const rest: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(event)) if (!LOCATION_FIELDS.has(key)) rest[key] = value
  return {
    chain: event.chain,
    block: event.block,
    timestamp: event.timestamp,
    tx: event.tx,
    txIndex: event.txIndex,
    logIndex: event.logIndex,
    kind: event.kind,
    token: 'token' in event ? event.token : null,
    data: JSON.stringify(rest, (_, v) => (typeof v === 'bigint' ? v.toString() : v)),
  }
}

/**
 * The event a row holds (the inverse of {@link encodeEvent}).
 *
 * @example
 * const event = decodeEvent(row)
 */
export function decodeEvent(row: EventRow): MarketEvent {
  let rest: Record<string, unknown>
  try {
    rest = JSON.parse(row.data, (k, v) => (BIGINT_FIELDS.has(k) && typeof v === 'string' ? BigInt(v) : v))
  } catch (cause) {
    throw new StoreError('stored event is corrupt', { details: `${row.tx}/${row.logIndex}`, cause })
  }
  return {
    chain: row.chain,
    block: Number(row.block),
    timestamp: Number(row.timestamp),
    tx: row.tx,
    txIndex: Number(row.txIndex),
    logIndex: Number(row.logIndex),
    ...rest,
  } as MarketEvent
}
