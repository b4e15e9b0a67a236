import { decodeBase64url } from '../encoding/decodeBase64url.ts'
import { decodeUtf8 } from '../encoding/decodeUtf8.ts'
import { DisclosureError } from '../errors/AuditError.ts'
import type { JsonValue } from '../json/JsonValue.ts'
import { toJsonValue } from '../json/toJsonValue.ts'
import { resolveAiEventLimits } from './resolveAiEventLimits.ts'

/** Return type of {@link decodeDisclosure}. */
export type DecodeDisclosureReturnType = { salt: string; name: string; value: JsonValue }

/** Shortest salt a disclosure may carry: 128 bits, so that no value can be guessed against its digest. */
const MIN_SALT_BYTES = 16

/**
 * Decodes an SD-JWT object-property disclosure into its salt, field name and value. It does not check the
 * disclosure against any digest. Throws DisclosureError unless it is strict base64url of UTF-8 JSON
 * `[salt, name, value]` with a base64url salt of at least 128 bits and a plain-JSON value.
 *
 * @example
 * const { name, value } = decodeDisclosure(disclosure)
 */
export function decodeDisclosure(disclosure: string): DecodeDisclosureReturnType {
  const bytes = decodeBase64url(disclosure)
  const text = bytes && decodeUtf8(bytes)
  if (text === undefined) fail('not base64url of UTF-8 text')
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (cause) {
    fail('not JSON', cause)
  }
  let json: JsonValue
  try {
    json = toJsonValue(parsed, { path: 'disclosure', maxDepth: resolveAiEventLimits('decode').maxDepth })
  } catch (cause) {
    fail('not plain JSON', cause)
  }
  if (!Array.isArray(json) || json.length !== 3) fail('not a [salt, name, value] array')
  const [salt, name, value] = json as [JsonValue, JsonValue, JsonValue]
  if (typeof salt !== 'string' || (decodeBase64url(salt)?.length ?? 0) < MIN_SALT_BYTES) {
    fail('salt is not base64url of at least 16 bytes')
  }
  if (typeof name !== 'string') fail('field name is not a string')
  return { salt, name, value }
}

function fail(reason: string, cause?: unknown): never {
  throw new DisclosureError('malformed disclosure', { details: reason, cause })
}
