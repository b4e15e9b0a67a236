import type { NoteSigner } from '../note/NoteSigner.ts'
import type { CosignatureAlgorithm } from './CosignatureAlgorithm.ts'

/**
 * A cosigner key (a witness's, or a log signing its own checkpoints with ML-DSA-44). As a {@link NoteSigner} it
 * signs at the current time; `signAt` takes an explicit timestamp. Both return the `timestamped_signature`
 * (8-byte big-endian timestamp, then the signature) and throw `NoteError` for a text that is not a checkpoint
 * the algorithm can sign.
 *
 * @example
 * const cosigner: CosignatureSigner = parseCosignatureSignerKey(witnessSignerKey)
 * cosignCheckpoint({ note, cosigner })
 */
export type CosignatureSigner = NoteSigner & {
  readonly algorithm: CosignatureAlgorithm
  /** 32-byte Ed25519 or 1312-byte ML-DSA-44 public key. */
  readonly publicKey: Uint8Array
  /** The matching verifier key string. */
  readonly verifierKey: string
  /** Signs the checkpoint text as of `timestamp` (POSIX seconds, a safe integer). */
  signAt(text: Uint8Array, timestamp: number): Uint8Array
}
