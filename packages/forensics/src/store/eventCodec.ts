import { StoreError } from '../errors/StoreError.ts'
import type { EventLocation, MarketEvent } from '../model/MarketEvent.ts'

/** A stored event row: the location columns and the rest as a compact JSON array. */
export type EventRow = EventLocation & { kind: string; token: string | null; data: string }

/** A stored field: its name, or `reserves.<sub>` (flattened), and whether it is an amount. */
type Field = { name: string; sub: string | undefined; bigint: boolean; optional: boolean }
const f = (path: string, bigint = false, optional = false): Field => {
  const [name, sub] = path.split('.') as [string, string | undefined]
  return { name, sub, bigint, optional }
}

/** Text that needs no JSON escaping (addresses, hashes, enum values). */
const plain = /^[\w.:-]*$/

/** Per kind, the fields after `kind` in the order they are stored (`reserves.*` flattened). */
const layouts: Record<MarketEvent['kind'], Field[]> = {
  launch: [f('token'), f('creator'), f('name'), f('symbol'), f('totalSupply', true)],
  trade: [
    f('token'),
    f('trader'),
    f('side'),
    f('nativeAmount', true),
    f('tokenAmount', true),
    f('fee', true),
    f('venue'),
    f('reserves.virtualNative', true, true),
    f('reserves.virtualToken', true, true),
    f('reserves.realNative', true, true),
    f('reserves.realToken', true, true),
  ],
  transfer: [f('token'), f('from'), f('to'), f('amount', true)],
  funding: [f('from'), f('to'), f('amount', true)],
  complete: [f('token')],
  liquidity: [
    f('token'),
    f('action'),
    f('pool'),
    f('nativeAmount', true),
    f('tokenAmount', true),
    f('provider'),
  ],
}

/**
 * An event as a row: location and kind as columns, the other fields as a JSON array in a fixed per-kind order
 * (amounts as `0x` hex strings, which cost half of decimal to write and read; rows written with decimal amounts
 * read the same), about half the bytes of a keyed object.
 *
 * @example
 * const row = encodeEvent(event)
 */
export function encodeEvent(event: MarketEvent): EventRow {
  const layout = layouts[event.kind]
  const source = event as unknown as Record<string, unknown>
  // Built by concatenation: about four times cheaper than JSON.stringify of an array, same text.
  let data = '['
  for (let i = 0; i < layout.length; i++) {
    const field = layout[i]!
    let value = source[field.name]
    if (field.sub !== undefined && value !== undefined) value = (value as Record<string, unknown>)[field.sub]
    if (i > 0) data += ','
    data +=
      value === undefined || value === null
        ? 'null'
        : field.bigint
          ? `"${amountText(value as bigint)}"`
          : typeof value === 'string' && plain.test(value)
            ? `"${value}"`
            : JSON.stringify(value)
  }
  return {
    chain: event.chain,
    block: event.block,
    timestamp: event.timestamp,
    tx: event.tx,
    txIndex: event.txIndex,
    logIndex: event.logIndex,
    kind: event.kind,
    token: 'token' in event ? event.token : null,
    data: `${data}]`,
  }
}

/** An amount as text that `BigInt()` reads back: `0x` hex, or decimal when negative (`-0x…` is not valid). */
function amountText(value: bigint): string {
  return value < 0n ? value.toString() : `0x${value.toString(16)}`
}

/**
 * The event a row holds (the inverse of {@link encodeEvent}).
 *
 * @example
 * const event = decodeEvent(row)
 */
export function decodeEvent(row: EventRow): MarketEvent {
  const layout = layouts[row.kind as MarketEvent['kind']]
  let values: unknown[]
  try {
    values = JSON.parse(row.data)
    if (!layout || !Array.isArray(values) || values.length !== layout.length)
      throw new TypeError('wrong shape')
  } catch (cause) {
    throw new StoreError('stored event is corrupt', { details: `${row.tx}/${row.logIndex}`, cause })
  }
  const event: Record<string, unknown> = {
    chain: row.chain,
    block: Number(row.block),
    timestamp: Number(row.timestamp),
    tx: row.tx,
    txIndex: Number(row.txIndex),
    logIndex: Number(row.logIndex),
    kind: row.kind,
  }
  let reserves: Record<string, bigint> | undefined
  for (let i = 0; i < layout.length; i++) {
    const { name, sub, bigint, optional } = layout[i]!
    const raw = values[i]
    if (raw === null && optional) continue
    const value = bigint ? BigInt(raw as string) : raw
    if (sub !== undefined) {
      reserves = reserves ?? {}
      reserves[sub] = value as bigint
    } else event[name] = value
  }
  if (reserves) event.reserves = reserves
  return event as MarketEvent
}
