import type { NoteVerifier } from '../note/NoteVerifier.ts'
import type { CosignatureVerifier } from './CosignatureVerifier.ts'

/**
 * Which signatures make a checkpoint trustworthy: one by the log, and cosignatures by at least `quorum` distinct
 * witnesses (counted by name, so a witness with both an Ed25519 and an ML-DSA-44 key counts once).
 *
 * @example
 * const policy: CosignaturePolicy = { log: [logVerifier], witnesses: [w1, w2, w3], quorum: 2 }
 */
export type CosignaturePolicy = {
  /** The log's key(s) (several during a key rotation); one signature by them must verify. */
  log: readonly NoteVerifier[]
  /** The expected checkpoint origin; when omitted, the name of the log key that signed. */
  origin?: string
  /** The trusted witnesses' keys. */
  witnesses: readonly CosignatureVerifier[]
  /** How many distinct witnesses must have cosigned: from 0 to the number of witness names. */
  quorum: number
}
