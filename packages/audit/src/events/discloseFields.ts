import { InvalidInputError } from '../errors/AuditError.ts'
import { decodeDisclosure } from './decodeDisclosure.ts'
import { decryptDisclosures } from './decryptDisclosures.ts'
import { verifyDisclosure } from './verifyDisclosure.ts'

/** Parameters of {@link discloseFields}: a sealed entry, its secret, and the private fields to reveal. */
export type DiscloseFieldsParameters = {
  entry: Uint8Array
  secret: Uint8Array
  fields: ReadonlyArray<string>
}

/** Return type of {@link discloseFields}: a disclosure package for `verifyDisclosure`. */
export type DiscloseFieldsReturnType = { entry: Uint8Array; disclosures: string[] }

/**
 * Makes a disclosure package for an auditor: the entry and only the disclosures of the chosen private fields,
 * in the order asked. The other fields stay hidden behind their salted digests. Throws InvalidInputError if a
 * field is asked twice or the event has no such private field, DisclosureError if the secret does not open.
 *
 * @example
 * const pkg = discloseFields({ entry, secret, fields: ['gen_ai.output.messages'] })
 * const { revealed } = verifyDisclosure(pkg)
 */
export function discloseFields({
  entry,
  secret,
  fields,
}: DiscloseFieldsParameters): DiscloseFieldsReturnType {
  const all = decryptDisclosures({ entry, secret })
  verifyDisclosure({ entry, disclosures: all })
  const byName = new Map(all.map((disclosure) => [decodeDisclosure(disclosure).name, disclosure]))
  const asked = new Set<string>()
  const disclosures = fields.map((field) => {
    if (asked.has(field)) throw new InvalidInputError('field asked twice', { details: field })
    asked.add(field)
    const disclosure = byName.get(field)
    if (disclosure === undefined) {
      throw new InvalidInputError('no such private field in this entry', { details: String(field) })
    }
    return disclosure
  })
  return { entry, disclosures }
}
