import { DecodeError } from '../errors/ForensicsError.ts'
import type { VersionedFields } from './DecodedFields.ts'
import type { LayoutInfo } from './LayoutInfo.ts'
import type { FieldGroup } from './pumpfunLayouts.ts'
import { readFieldGroups } from './readFieldGroups.ts'

/** Result of {@link decodeEventFields}. */
export type DecodeEventFieldsReturnType<G extends readonly FieldGroup[]> = {
  fields: VersionedFields<G>
  info: LayoutInfo
}

/**
 * Decodes an event payload (discriminator removed) against its versioned field groups. Unknown, newer
 * layouts decode their known prefix and come back flagged in `info`; a payload too short for the first
 * group throws a {@link DecodeError}.
 *
 * @example
 * const { fields, info } = decodeEventFields(payload, COMPLETE_EVENT_GROUPS, 'CompleteEvent')
 */
export function decodeEventFields<G extends readonly FieldGroup[]>(
  payload: Uint8Array,
  groups: G,
  eventName: string,
): DecodeEventFieldsReturnType<G> {
  const { values, groupsRead, info } = readFieldGroups(payload, groups, eventName)
  if (groupsRead === 0) {
    throw new DecodeError(`${eventName} is shorter than its oldest layout`, {
      details: `${payload.length} bytes`,
    })
  }
  return { fields: values as VersionedFields<G>, info }
}
