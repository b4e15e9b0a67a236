import { InvalidInputError } from '../errors/AuditError.ts'
import type { JsonValue } from '../json/JsonValue.ts'
import { jsonByteLength } from '../json/jsonByteLength.ts'
import type { AiEventLimits } from './AiEventLimits.ts'
import type { AiEventPrivateFields } from './AiEventPrivateFields.ts'
import { isReservedFieldName } from './isReservedFieldName.ts'

/** Parameters of {@link parsePrivateFields}. */
export type ParsePrivateFieldsParameters = Required<
  Pick<AiEventLimits, 'maxPrivateFieldBytes' | 'maxPrivateFields'>
>

/** Longest private field name, in UTF-16 code units. */
const MAX_NAME_LENGTH = 256

/**
 * Checks the private fields of an AI event (already plain JSON, see `toJsonValue`): an object of at most
 * `maxPrivateFields` fields, names non-empty, at most 256 characters and not reserved (see
 * {@link isReservedFieldName}), each value at most `maxPrivateFieldBytes`. Throws InvalidInputError.
 *
 * @example
 * const fields = parsePrivateFields({ 'gen_ai.input.messages': [] }, { maxPrivateFieldBytes: 1 << 20, maxPrivateFields: 256 })
 */
export function parsePrivateFields(
  fields: JsonValue,
  { maxPrivateFieldBytes, maxPrivateFields }: ParsePrivateFieldsParameters,
): AiEventPrivateFields {
  if (fields === null || typeof fields !== 'object' || Array.isArray(fields))
    fail('private', 'must be an object')
  const names = Object.keys(fields)
  if (names.length > maxPrivateFields) fail('private', `has ${names.length} fields, over ${maxPrivateFields}`)
  for (const name of names) {
    if (isReservedFieldName(name)) fail(`private.${name}`, 'is a reserved or public field name')
    if (name.length > MAX_NAME_LENGTH) fail(`private.${name.slice(0, 32)}...`, 'name is too long')
    if (maxPrivateFieldBytes === Number.POSITIVE_INFINITY) continue
    const size = jsonByteLength(fields[name]!)
    if (size > maxPrivateFieldBytes)
      fail(`private.${name}`, `is ${size} bytes, over the limit of ${maxPrivateFieldBytes}`)
  }
  return fields
}

function fail(name: string, reason: string): never {
  throw new InvalidInputError('invalid AI event field', { details: `${name} ${reason}` })
}
