import type { AiEvent } from './AiEvent.ts'
import { decryptDisclosures } from './decryptDisclosures.ts'
import { parseAiEvent } from './parseAiEvent.ts'
import { verifyDisclosure } from './verifyDisclosure.ts'

/** Parameters of {@link openEvent}: a sealed entry and its secret. */
export type OpenEventParameters = { entry: Uint8Array; secret: Uint8Array }

/**
 * Opens a sealed AI event with its secret and returns the full event. Every disclosure in the secret is checked
 * against the entry's digests; any mismatch throws DisclosureError. After erasure there is no secret: read the
 * public fields with `decodeEntry`.
 *
 * @example
 * const event = openEvent({ entry, secret: await storage.getSecret(index) })
 */
export function openEvent({ entry, secret }: OpenEventParameters): AiEvent {
  const { publicFields, revealed } = verifyDisclosure({
    entry,
    disclosures: decryptDisclosures({ entry, secret }),
  })
  return parseAiEvent({ ...publicFields, private: revealed }, { limits: 'decode' })
}
