import { randomBytes } from '@noble/hashes/utils.js'
import { encodeBase64url } from '../encoding/encodeBase64url.ts'
import { InvalidInputError } from '../errors/AuditError.ts'
import { canonicalJson } from '../json/canonicalJson.ts'
import type { AiEvent } from './AiEvent.ts'
import type { AiEventLimits } from './AiEventLimits.ts'
import { aiEventType } from './aiEventType.ts'
import { createDisclosure } from './createDisclosure.ts'
import { digestDisclosure } from './digestDisclosure.ts'
import { encryptDisclosures } from './encryptDisclosures.ts'
import { parseAiEvent } from './parseAiEvent.ts'
import { secretFormat } from './secretFormat.ts'

/** Parameters of {@link sealEvent}. */
export type SealEventParameters = {
  /** Source of randomness (salts, decoys, key, nonce). Default: `crypto.getRandomValues`; a fixed one only in tests. */
  random?: (length: number) => Uint8Array
  /**
   * Adds decoy digests until `_sd` holds at least this many (0 to 1024), so that entries do not reveal how many
   * private fields they commit to, as long as they have no more than this. Default 0: no decoys.
   */
  padDigestsTo?: number
  /** Size limits checked before sealing. */
  limits?: AiEventLimits
}

/** Return type of {@link sealEvent}: the bytes for the tree and the per-entry secret kept off it. */
export type SealEventReturnType = { entry: Uint8Array; secret: Uint8Array }

/** Salt of each disclosure: 128 bits, as RFC 9901 recommends. */
const SALT_BYTES = 16
const MAX_PAD = 1024
const encoder = new TextEncoder()

/**
 * Seals an AI event for the audit log, SD-JWT style (RFC 9901). `entry` is the UTF-8 RFC 8785 canonical JSON
 * of the public fields plus `type: "sextant.ai-event/v1"`, `_sd_alg: "sha-256"` and `_sd`, the sorted digests
 * of one disclosure `[salt, name, value]` per private field (128-bit random salt) and of any decoys. No private
 * value appears in `entry`. `secret` holds the disclosures, encrypted under a fresh 256-bit key with
 * XChaCha20-Poly1305 and bound to `entry` (see `secretFormat`); erasing it leaves the digests unopenable.
 * Throws InvalidInputError (see `parseAiEvent`) and produces nothing on an invalid event.
 *
 * @example
 * const { entry, secret } = sealEvent(event)
 * await storage.appendEntries([{ data: entry, secret }])
 */
export function sealEvent(
  event: AiEvent,
  { random = randomBytes, padDigestsTo = 0, limits }: SealEventParameters = {},
): SealEventReturnType {
  const { private: privateFields = {}, ...publicFields } = parseAiEvent(event, limits ? { limits } : {})
  if (!Number.isSafeInteger(padDigestsTo) || padDigestsTo < 0 || padDigestsTo > MAX_PAD) {
    throw new InvalidInputError('invalid padDigestsTo', {
      details: `${padDigestsTo} is not an integer in [0, 1024]`,
    })
  }
  const draw = (length: number): Uint8Array => {
    const bytes = random(length)
    if (!(bytes instanceof Uint8Array) || bytes.length !== length) {
      throw new InvalidInputError('random source returned the wrong length', {
        details: `wanted ${length} bytes`,
      })
    }
    return Uint8Array.from(bytes)
  }
  const disclosures = Object.keys(privateFields)
    .sort()
    .map((name) => createDisclosure({ salt: draw(SALT_BYTES), name, value: privateFields[name]! }))
  const digests = disclosures.map(({ digest }) => digest)
  while (digests.length < padDigestsTo) digests.push(digestDisclosure(encodeBase64url(draw(32))))
  digests.sort()
  const entry = encoder.encode(
    canonicalJson({ ...publicFields, type: aiEventType, _sd_alg: 'sha-256', _sd: digests }),
  )
  const secret = encryptDisclosures({
    entry,
    disclosures: disclosures.map(({ disclosure }) => disclosure),
    key: draw(secretFormat.keyLength),
    nonce: draw(secretFormat.nonceLength),
  })
  return { entry, secret }
}
