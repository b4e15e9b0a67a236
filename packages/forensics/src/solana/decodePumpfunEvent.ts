import { hex } from '@scure/base'
import { DecodeError } from '../errors/ForensicsError.ts'
import { anchorDiscriminator } from './anchorDiscriminator.ts'
import { decodeCreateEvent } from './decodeCreateEvent.ts'
import { decodeEventFields } from './decodeEventFields.ts'
import { decodeTradeEvent } from './decodeTradeEvent.ts'
import type { EventOrigin, PumpfunEvent, UnrecognizedEvent } from './PumpfunEvent.ts'
import {
  COMPLETE_EVENT_GROUPS,
  MIGRATION_EVENT_GROUPS,
  OTHER_PUMPFUN_EVENT_NAMES,
  PUMPFUN_EVENTS,
} from './pumpfunLayouts.ts'

/** Result of {@link decodePumpfunEvent}: a normalized event, or the reason it was not normalized. */
export type DecodePumpfunEventReturnType = { event: PumpfunEvent } | { unrecognized: UnrecognizedEvent }

const eventNames = new Map<string, string>([
  ...Object.entries(PUMPFUN_EVENTS).map(([name, d]): [string, string] => [hex.encode(d), name]),
  ...OTHER_PUMPFUN_EVENT_NAMES.map((name): [string, string] => [
    hex.encode(anchorDiscriminator('event', name)),
    name,
  ]),
])

function decodeKnown(name: string, payload: Uint8Array, origin: EventOrigin): PumpfunEvent | undefined {
  if (name === 'TradeEvent') {
    const { fields, info } = decodeTradeEvent(payload)
    return { kind: fields.isBuy ? 'buy' : 'sell', ...fields, layout: info, origin }
  }
  if (name === 'CreateEvent') {
    const { fields, info } = decodeCreateEvent(payload)
    return { kind: 'create', ...fields, layout: info, origin }
  }
  if (name === 'CompleteEvent') {
    const { fields, info } = decodeEventFields(payload, COMPLETE_EVENT_GROUPS, name)
    return { kind: 'complete', ...fields, layout: info, origin }
  }
  if (name === 'CompletePumpAmmMigrationEvent') {
    const { fields, info } = decodeEventFields(payload, MIGRATION_EVENT_GROUPS, name)
    return { kind: 'migrate', ...fields, layout: info, origin }
  }
  return undefined
}

/**
 * Decodes one pump.fun event (8-byte discriminator + Borsh payload), already attributed to pump.fun.
 * Never throws on the bytes: unknown discriminators, events this package does not normalize and
 * malformed payloads come back as `unrecognized` with a reason.
 *
 * @example
 * const r = decodePumpfunEvent(bytes, origin)
 * if ('event' in r && r.event.kind === 'buy') console.log(r.event.tokenAmount)
 */
export function decodePumpfunEvent(data: Uint8Array, origin: EventOrigin): DecodePumpfunEventReturnType {
  const discriminator = hex.encode(data.subarray(0, 8))
  const payload = data.subarray(8)
  const name = data.length >= 8 ? eventNames.get(discriminator) : undefined
  const skip = (reason: UnrecognizedEvent['reason'], message?: string) => ({
    unrecognized: { name, discriminator, payloadLength: payload.length, reason, message, origin },
  })
  if (data.length < 8) return skip('malformed', 'shorter than an event discriminator')
  if (name === undefined) return skip('unknown-discriminator')
  try {
    const event = decodeKnown(name, payload, origin)
    return event ? { event } : skip('not-normalized')
  } catch (error) {
    if (error instanceof DecodeError) return skip('malformed', error.shortMessage)
    throw error
  }
}
