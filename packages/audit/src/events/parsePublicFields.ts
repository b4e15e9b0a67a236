import { InvalidInputError } from '../errors/AuditError.ts'
import type { JsonValue } from '../json/JsonValue.ts'
import { jsonByteLength } from '../json/jsonByteLength.ts'
import type { AiEventPublicFields } from './AiEventPublicFields.ts'
import { aiOperations } from './aiOperations.ts'
import { mustStayPrivate } from './mustStayPrivate.ts'
import type { PublicFieldKind } from './PublicFieldKind.ts'
import { publicFieldKinds } from './publicFieldKinds.ts'

/** Parameters of {@link parsePublicFields}. */
export type ParsePublicFieldsParameters = { maxFieldBytes: number }

const UINT64_MAX = 2n ** 64n - 1n
const PATTERNS: Partial<Record<PublicFieldKind, RegExp>> = {
  traceId: /^(?!0{32})[0-9a-f]{32}$/,
  spanId: /^(?!0{16})[0-9a-f]{16}$/,
  unixNano: /^(?:0|[1-9][0-9]{0,19})$/,
  txHash: /^0x[0-9a-fA-F]{64}$/,
  amount: /^(?:0|[1-9][0-9]*)$/,
}
const ENUMS: Partial<Record<PublicFieldKind, ReadonlyArray<string>>> = {
  operation: aiOperations,
  outcome: ['ok', 'error'],
  decision: ['allow', 'approval', 'deny'],
}

/**
 * Checks the public fields of an AI event (already plain JSON, see `toJsonValue`) against
 * {@link publicFieldKinds}: known names only, each value of its kind and size, `gen_ai.operation.name` present,
 * payment fields only on `payment` (which needs a decision), start time not after end time, and `attributes`
 * free of names that must stay private. Throws InvalidInputError naming the field.
 *
 * @example
 * const fields = parsePublicFields({ 'gen_ai.operation.name': 'chat' }, { maxFieldBytes: 4096 })
 */
export function parsePublicFields(
  fields: { [name: string]: JsonValue },
  { maxFieldBytes }: ParsePublicFieldsParameters,
): AiEventPublicFields {
  for (const [name, value] of Object.entries(fields)) {
    if (name === 'attributes') checkAttributes(value, maxFieldBytes)
    else if (Object.hasOwn(publicFieldKinds, name)) {
      const reason = checkKind(publicFieldKinds[name as keyof typeof publicFieldKinds], value)
      if (reason) fail(name, reason)
      checkSize(name, value, maxFieldBytes)
    } else if (mustStayPrivate(name))
      fail(name, 'must stay private (content, or gen_ai.* outside the public schema)')
    else fail(name, 'is not a known public field: put extra fields under `attributes` or `private`')
  }
  if (!Object.hasOwn(fields, 'gen_ai.operation.name')) fail('gen_ai.operation.name', 'is required')
  const isPayment = fields['gen_ai.operation.name'] === 'payment'
  if (isPayment && !Object.hasOwn(fields, 'sextant.payment.decision')) {
    fail('sextant.payment.decision', 'is required when the operation is payment')
  }
  const paymentField = Object.keys(fields).find((name) => name.startsWith('sextant.payment.'))
  if (!isPayment && paymentField) fail(paymentField, 'is only allowed when the operation is payment')
  const { start_time_unix_nano: start, end_time_unix_nano: end } = fields
  if (typeof start === 'string' && typeof end === 'string' && BigInt(start) > BigInt(end)) {
    fail('end_time_unix_nano', 'is before start_time_unix_nano')
  }
  return fields as AiEventPublicFields
}

function checkKind(kind: PublicFieldKind, value: JsonValue): string | undefined {
  const pattern = PATTERNS[kind]
  if (pattern) {
    if (typeof value !== 'string' || !pattern.test(value)) return `must match ${pattern}`
    return kind === 'unixNano' && BigInt(value) > UINT64_MAX ? 'exceeds 2^64 - 1' : undefined
  }
  const members = ENUMS[kind]
  if (members) return members.includes(value as string) ? undefined : `must be one of ${members.join(', ')}`
  switch (kind) {
    case 'text':
      return typeof value === 'string' && value.length > 0 ? undefined : 'must be a non-empty string'
    case 'texts':
      return Array.isArray(value) && value.every((item) => typeof item === 'string' && item.length > 0)
        ? undefined
        : 'must be an array of non-empty strings'
    case 'count':
      return Number.isSafeInteger(value) && (value as number) >= 0
        ? undefined
        : 'must be a non-negative integer'
    case 'integer':
      return Number.isSafeInteger(value) ? undefined : 'must be a safe integer'
    case 'chainId':
      return Number.isSafeInteger(value) && (value as number) > 0 ? undefined : 'must be a positive integer'
    case 'port':
      return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 65535
        ? undefined
        : 'must be a port number'
    case 'number':
      return typeof value === 'number' ? undefined : 'must be a number'
    default:
      return typeof value === 'boolean' ? undefined : 'must be a boolean'
  }
}

function checkAttributes(value: JsonValue, maxFieldBytes: number): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    fail('attributes', 'must be an object')
  for (const [name, member] of Object.entries(value)) {
    if (name.length === 0) fail('attributes', 'names must be non-empty')
    if (mustStayPrivate(name)) fail(`attributes.${name}`, 'must stay private: put it under `private`')
    checkSize(`attributes.${name}`, member, maxFieldBytes)
  }
}

function checkSize(name: string, value: JsonValue, maxFieldBytes: number): void {
  if (maxFieldBytes === Number.POSITIVE_INFINITY) return
  const size = jsonByteLength(value)
  if (size > maxFieldBytes) fail(name, `is ${size} bytes, over the limit of ${maxFieldBytes}`)
}

function fail(name: string, reason: string): never {
  throw new InvalidInputError('invalid AI event field', { details: `${name} ${reason}` })
}
