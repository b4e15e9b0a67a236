import { DisclosureError } from '../errors/AuditError.ts'
import type { JsonValue } from '../json/JsonValue.ts'
import type { AiEventPublicFields } from './AiEventPublicFields.ts'
import { decodeDisclosure } from './decodeDisclosure.ts'
import { decodeEntry } from './decodeEntry.ts'
import { digestDisclosure } from './digestDisclosure.ts'
import { isReservedFieldName } from './isReservedFieldName.ts'

/** Parameters of {@link verifyDisclosure}: a disclosure package, as `discloseFields` makes. */
export type VerifyDisclosureParameters = { entry: Uint8Array; disclosures: ReadonlyArray<string> }

/** Return type of {@link verifyDisclosure}: the entry's public fields and the revealed private fields. */
export type VerifyDisclosureReturnType = {
  publicFields: AiEventPublicFields
  revealed: { [name: string]: JsonValue }
}

/**
 * Checks a disclosure package, as an auditor does: every disclosure must be well formed (salt of at least
 * 128 bits) and its digest listed in the entry's `_sd`, at most once, each field disclosed once and not clashing
 * with a public field. Returns the revealed values, proven committed in that entry; nothing is learned about the
 * other private fields. Throws DisclosureError on any failure (InvalidInputError if the entry is malformed).
 * Pair it with an inclusion proof of `entry` to show the entry is in the log.
 *
 * @example
 * const { revealed } = verifyDisclosure({ entry, disclosures })
 * revealed['gen_ai.output.messages']
 */
export function verifyDisclosure({
  entry,
  disclosures,
}: VerifyDisclosureParameters): VerifyDisclosureReturnType {
  const decoded = decodeEntry(entry)
  if (decoded.kind !== 'ai-event') throw new DisclosureError('entry is not a sealed AI event')
  const committed = new Set(decoded.digests)
  const seen = new Set<string>()
  const revealed: { [name: string]: JsonValue } = {}
  for (const disclosure of disclosures) {
    const digest = digestDisclosure(disclosure)
    if (!committed.has(digest)) {
      throw new DisclosureError('disclosure not committed in entry', {
        details: `digest ${digest} is not in _sd`,
      })
    }
    if (seen.has(digest)) throw new DisclosureError('duplicate disclosure', { details: `digest ${digest}` })
    seen.add(digest)
    const { name, value } = decodeDisclosure(disclosure)
    if (isReservedFieldName(name)) {
      throw new DisclosureError('disclosure names a reserved or public field', { details: name })
    }
    if (Object.hasOwn(revealed, name)) throw new DisclosureError('field disclosed twice', { details: name })
    revealed[name] = value
  }
  return { publicFields: decoded.publicFields, revealed }
}
