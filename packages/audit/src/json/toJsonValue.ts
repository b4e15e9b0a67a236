import { InvalidInputError } from '../errors/AuditError.ts'
import type { JsonValue } from './JsonValue.ts'

/** Parameters of {@link toJsonValue}. */
export type ToJsonValueParameters = {
  /** Where the value sits, for error details (`private.gen_ai.input.messages`). */
  path: string
  /** Deepest nesting accepted: 0 allows only scalars. */
  maxDepth: number
}

const LONE_SURROGATE = /\p{Surrogate}/u

/**
 * Checks that `value` is plain JSON data and returns a deep copy of it: `null`, booleans, finite numbers
 * (`-0` becomes `0`), strings without lone surrogates, dense arrays and plain objects of own data properties.
 * Rejects with InvalidInputError `undefined`, functions, symbols, bigints, `NaN`/`Infinity`, class instances
 * (`Date`, `Map`, ...), accessors, symbol keys, `__proto__` keys, cycles and nesting deeper than `maxDepth`.
 *
 * @example
 * const copy = toJsonValue(JSON.parse(text), { path: 'event', maxDepth: 32 })
 */
export function toJsonValue(value: unknown, { path, maxDepth }: ToJsonValueParameters): JsonValue {
  return copy(value, path, maxDepth, new Set())
}

function copy(value: unknown, path: string, depth: number, ancestors: Set<object>): JsonValue {
  if (value === null || typeof value === 'boolean') return value
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail(path, `number ${value} is not finite`)
    return value === 0 ? 0 : value
  }
  if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value)) fail(path, 'string holds a lone UTF-16 surrogate')
    return value
  }
  if (typeof value !== 'object') fail(path, `${typeof value} is not JSON`)
  if (ancestors.has(value)) fail(path, 'value is circular')
  if (depth <= 0) fail(path, 'nested too deeply')
  ancestors.add(value)
  const result = Array.isArray(value)
    ? copyArray(value, path, depth, ancestors)
    : copyObject(value, path, depth, ancestors)
  ancestors.delete(value)
  return result
}

function copyArray(value: unknown[], path: string, depth: number, ancestors: Set<object>): JsonValue[] {
  const out: JsonValue[] = []
  for (let i = 0; i < value.length; i++) {
    const descriptor = Object.getOwnPropertyDescriptor(value, i)
    if (!descriptor || !('value' in descriptor)) fail(`${path}[${i}]`, 'array hole or accessor')
    out.push(copy(descriptor.value, `${path}[${i}]`, depth - 1, ancestors))
  }
  return out
}

function copyObject(value: object, path: string, depth: number, ancestors: Set<object>): JsonValue {
  const proto = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null) fail(path, 'not a plain object')
  if (Object.getOwnPropertySymbols(value).length > 0) fail(path, 'object has symbol keys')
  const out: { [key: string]: JsonValue } = {}
  for (const key of Object.keys(value)) {
    const at = `${path}.${key}`
    if (key === '__proto__') fail(at, '__proto__ is not accepted as a key')
    if (LONE_SURROGATE.test(key)) fail(at, 'key holds a lone UTF-16 surrogate')
    const descriptor = Object.getOwnPropertyDescriptor(value, key)!
    if (!('value' in descriptor)) fail(at, 'accessor property')
    out[key] = copy(descriptor.value, at, depth - 1, ancestors)
  }
  return out
}

function fail(path: string, reason: string): never {
  throw new InvalidInputError('value is not JSON-serialisable', { details: `${path}: ${reason}` })
}
