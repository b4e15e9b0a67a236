import { encodeBase64url } from '../encoding/encodeBase64url.ts'
import { canonicalJson } from '../json/canonicalJson.ts'
import type { JsonValue } from '../json/JsonValue.ts'
import { digestDisclosure } from './digestDisclosure.ts'

/** Parameters of {@link createDisclosure}. */
export type CreateDisclosureParameters = { salt: Uint8Array; name: string; value: JsonValue }

/** Return type of {@link createDisclosure}. */
export type CreateDisclosureReturnType = { disclosure: string; digest: string }

const encoder = new TextEncoder()

/**
 * SD-JWT object-property disclosure (RFC 9901 §4.2.1) of one private field: base64url of the UTF-8 canonical
 * JSON array `[salt, name, value]`, the salt itself base64url; and its digest (see {@link digestDisclosure}).
 *
 * @example
 * const { disclosure, digest } = createDisclosure({ salt: randomBytes(16), name: 'gen_ai.input.messages', value })
 */
export function createDisclosure({
  salt,
  name,
  value,
}: CreateDisclosureParameters): CreateDisclosureReturnType {
  const disclosure = encodeBase64url(encoder.encode(canonicalJson([encodeBase64url(salt), name, value])))
  return { disclosure, digest: digestDisclosure(disclosure) }
}
