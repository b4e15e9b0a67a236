import type { VersionedFields } from './DecodedFields.ts'
import { type DecodeEventFieldsReturnType, decodeEventFields } from './decodeEventFields.ts'
import { CREATE_EVENT_GROUPS } from './pumpfunLayouts.ts'

/**
 * Fields of pump.fun's CreateEvent (a coin launch by `create` or `create_v2`).
 *
 * @example
 * const { name, symbol, mint, creator }: CreateEventFields = decodeCreateEvent(payload).fields
 */
export type CreateEventFields = VersionedFields<typeof CREATE_EVENT_GROUPS>

/**
 * Decodes a CreateEvent payload (the bytes after its 8-byte discriminator), whichever layout it has.
 *
 * @example
 * const { fields, info } = decodeCreateEvent(payload)
 */
export function decodeCreateEvent(
  payload: Uint8Array,
): DecodeEventFieldsReturnType<typeof CREATE_EVENT_GROUPS> {
  return decodeEventFields(payload, CREATE_EVENT_GROUPS, 'CreateEvent')
}
