import { decodeUtf8 } from '../encoding/decodeUtf8.ts'
import { InvalidInputError } from '../errors/AuditError.ts'
import { canonicalJson } from '../json/canonicalJson.ts'
import { toJsonValue } from '../json/toJsonValue.ts'
import type { AiEventPublicFields } from './AiEventPublicFields.ts'
import { aiEventType } from './aiEventType.ts'
import { parsePublicFields } from './parsePublicFields.ts'
import { resolveAiEventLimits } from './resolveAiEventLimits.ts'

/**
 * Return type of {@link decodeEntry}: a sealed AI event's public fields and the digests it commits to, or an
 * opaque entry (any other bytes, which the log accepts as they are).
 */
export type DecodeEntryReturnType =
  | { kind: 'ai-event'; publicFields: AiEventPublicFields; digests: string[] }
  | { kind: 'opaque' }

const DIGEST = /^[A-Za-z0-9_-]{43}$/

/**
 * Reads a log entry. Bytes that are not a UTF-8 JSON object whose `type` is `sextant.ai-event/v1` are opaque.
 * An entry that claims that type must be a valid sealed event: RFC 8785 canonical JSON (one spelling per event),
 * `_sd_alg` `sha-256`, `_sd` strictly sorted SHA-256 base64url digests, valid public fields; otherwise
 * InvalidInputError. Works on erased entries: it needs no secret.
 *
 * @example
 * const decoded = decodeEntry(entry)
 * if (decoded.kind === 'ai-event') console.log(decoded.publicFields['gen_ai.agent.id'])
 */
export function decodeEntry(entry: Uint8Array): DecodeEntryReturnType {
  if (entry[0] !== 0x7b) return { kind: 'opaque' }
  const text = decodeUtf8(entry)
  if (text === undefined) return { kind: 'opaque' }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return { kind: 'opaque' }
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { type?: unknown }).type !== aiEventType) {
    return { kind: 'opaque' }
  }
  const json = toJsonValue(parsed, { path: 'entry', maxDepth: resolveAiEventLimits('decode').maxDepth })
  if (canonicalJson(json) !== text) fail('entry is not RFC 8785 canonical JSON')
  const { type: _type, _sd_alg: alg, _sd: digests, ...publicFields } = json as { [name: string]: unknown }
  if (alg !== 'sha-256') fail(`_sd_alg ${JSON.stringify(alg)} is not sha-256`)
  if (
    !Array.isArray(digests) ||
    !digests.every((d): d is string => typeof d === 'string' && DIGEST.test(d))
  ) {
    fail('_sd is not an array of SHA-256 base64url digests')
  }
  if (digests.some((d, i) => i > 0 && digests[i - 1]! >= d)) fail('_sd is not strictly sorted')
  const fields = parsePublicFields(publicFields as Parameters<typeof parsePublicFields>[0], {
    maxFieldBytes: Number.POSITIVE_INFINITY,
  })
  return { kind: 'ai-event', publicFields: fields, digests }
}

function fail(reason: string): never {
  throw new InvalidInputError('malformed AI event entry', { details: reason })
}
