import type { NoteVerifier } from '../note/NoteVerifier.ts'
import type { CosignatureAlgorithm } from './CosignatureAlgorithm.ts'

/**
 * A {@link NoteVerifier} for c2sp.org/tlog-cosignature signatures: pass it to `openNote` (alone or next to the
 * log's key) to verify a cosigned checkpoint. Its `verify` accepts only a valid checkpoint text, and for
 * ML-DSA-44 one without extension lines (the signed message does not cover them).
 *
 * @example
 * const witness: CosignatureVerifier = parseCosignatureVerifierKey(witnessVerifierKey)
 * openNote({ note, verifiers: [logVerifier, witness] })
 */
export type CosignatureVerifier = NoteVerifier & {
  readonly algorithm: CosignatureAlgorithm
  /** 32-byte Ed25519 or 1312-byte ML-DSA-44 public key. */
  readonly publicKey: Uint8Array
  /** The key as a verifier key string, `<name>+<hex id>+<base64(type || public key)>`. */
  readonly verifierKey: string
}
