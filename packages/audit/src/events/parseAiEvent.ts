import { InvalidInputError } from '../errors/AuditError.ts'
import { toJsonValue } from '../json/toJsonValue.ts'
import type { AiEvent } from './AiEvent.ts'
import type { AiEventLimits } from './AiEventLimits.ts'
import { parsePrivateFields } from './parsePrivateFields.ts'
import { parsePublicFields } from './parsePublicFields.ts'
import { resolveAiEventLimits } from './resolveAiEventLimits.ts'

/** Parameters of {@link parseAiEvent}: the size limits, or `'decode'` for events read back from the log. */
export type ParseAiEventParameters = { limits?: AiEventLimits | 'decode' }

/**
 * Checks untrusted input as an {@link AiEvent} and returns a clean deep copy (plain JSON data; an empty
 * `private` is dropped). Throws InvalidInputError, naming the field, on anything else: unknown operations or
 * fields, negative token counts, ids that are not strings, oversized fields, values that are not JSON
 * (`NaN`, `undefined`, functions, class instances, cycles), `__proto__` keys, private content among the
 * public fields.
 *
 * @example
 * const event = parseAiEvent(JSON.parse(body), { limits: { maxPrivateFieldBytes: 65536 } })
 */
export function parseAiEvent(value: unknown, { limits }: ParseAiEventParameters = {}): AiEvent {
  const resolved = resolveAiEventLimits(limits)
  const json = toJsonValue(value, { path: 'event', maxDepth: resolved.maxDepth + 2 })
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new InvalidInputError('invalid AI event', { details: 'an AI event must be an object' })
  }
  const { private: privateFields, ...publicFields } = json
  const event: AiEvent = parsePublicFields(publicFields, { maxFieldBytes: resolved.maxPublicFieldBytes })
  if (privateFields === undefined) return event
  const checked = parsePrivateFields(privateFields, resolved)
  return Object.keys(checked).length === 0 ? event : { ...event, private: checked }
}
