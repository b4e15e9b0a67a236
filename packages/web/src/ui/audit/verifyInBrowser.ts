import { decodeBase64 } from '@sextant/audit/encoding/decodeBase64'
import { verifyDisclosure } from '@sextant/audit/events/verifyDisclosure'
import { parseReceipt } from '@sextant/audit/receipt/parseReceipt'
import { verifyReceipt } from '@sextant/audit/receipt/verifyReceipt'

/** What the page shows after checking an entry itself. */
export type BrowserVerification =
  | {
      ok: true
      index: number
      size: number
      origin: string
      rootHash: string
      leafHash: string
      proof: string[]
      revealed?: Record<string, unknown>
    }
  | { ok: false; error: string }

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')

/**
 * Verifies, in the browser, an entry against its c2sp.org/tlog-proof receipt with nothing but the log's
 * verifier key: the checkpoint's Ed25519 signature and origin, then the RFC 6962 inclusion proof of
 * SHA-256(0x00 || entry) up to the signed root. With `disclosures`, also checks each disclosed field is
 * committed in that entry. Same code as the server and the CLI (`@sextant/audit`), SHA-256 from @noble/hashes.
 *
 * @example
 * const result = verifyInBrowser({ entry: detail.entry, receipt: detail.receipt, verifierKey })
 */
export function verifyInBrowser({
  entry,
  receipt,
  verifierKey,
  disclosures,
}: {
  entry: string
  receipt: string
  verifierKey: string
  disclosures?: string[]
}): BrowserVerification {
  try {
    const bytes = decodeBase64(entry)
    if (!bytes) return { ok: false, error: 'the entry is not valid base64' }
    const verified = verifyReceipt({ receipt, entry: bytes, logVerifierKey: verifierKey })
    const revealed = disclosures ? verifyDisclosure({ entry: bytes, disclosures }).revealed : undefined
    return {
      ok: true,
      index: verified.index,
      size: verified.checkpoint.size,
      origin: verified.checkpoint.origin,
      rootHash: hex(verified.checkpoint.rootHash),
      leafHash: hex(verified.leafHash),
      proof: parseReceipt(receipt).proof.map(hex),
      ...(revealed ? { revealed } : {}),
    }
  } catch (error) {
    return { ok: false, error: (error as Error).message }
  }
}
