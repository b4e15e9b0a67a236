import { canonicalJson } from './canonicalJson.ts'
import type { JsonValue } from './JsonValue.ts'

/**
 * Size in UTF-8 bytes of the RFC 8785 canonical JSON of `value`: the measure of every size limit on AI events.
 *
 * @example
 * jsonByteLength({ a: 'é' }) // 10, for {"a":"é"}
 */
export function jsonByteLength(value: JsonValue): number {
  return Buffer.byteLength(canonicalJson(value), 'utf8')
}
