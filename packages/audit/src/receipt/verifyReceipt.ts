import type { ParseCheckpointReturnType } from '../checkpoint/parseCheckpoint.ts'
import type { CosignatureVerifier } from '../cosignature/CosignatureVerifier.ts'
import { openCosignedCheckpoint } from '../cosignature/openCosignedCheckpoint.ts'
import { parseCosignatureVerifierKey } from '../cosignature/parseCosignatureVerifierKey.ts'
import { parseLogVerifierKey } from '../cosignature/parseLogVerifierKey.ts'
import type { VerifiedCosignature } from '../cosignature/VerifiedCosignature.ts'
import { ProofError } from '../errors/AuditError.ts'
import type { NoteVerifier } from '../note/NoteVerifier.ts'
import { hashLeaf } from '../tree/hashLeaf.ts'
import { verifyInclusion } from '../tree/verifyInclusion.ts'
import { parseReceipt } from './parseReceipt.ts'
import type { Receipt } from './Receipt.ts'

/** Parameters of {@link verifyReceipt}. */
export type VerifyReceiptParameters = {
  /** The receipt, as c2sp.org/tlog-proof text or bytes, or parsed. */
  receipt: string | Uint8Array | Receipt
  /** The log's public key: a verifier key string (types 0x01, 0x04, 0x06) or a parsed verifier. */
  logVerifierKey: string | NoteVerifier
  /** The expected checkpoint origin; defaults to the log key's name. */
  origin?: string
  /** Require cosignatures by at least `quorum` of these witnesses. */
  witnesses?: { verifierKeys: readonly (string | CosignatureVerifier)[]; quorum: number }
} & ({ entry: Uint8Array; leafHash?: never } | { leafHash: Uint8Array; entry?: never })

/** Return type of {@link verifyReceipt}. */
export type VerifyReceiptReturnType = {
  /** The verified checkpoint the entry is included in. */
  checkpoint: ParseCheckpointReturnType
  index: number
  leafHash: Uint8Array
  /** Verified cosignatures by the given witnesses. */
  cosignatures: VerifiedCosignature[]
  /** The receipt's extra data, if any. NOT authenticated. */
  extra?: Uint8Array
}

/**
 * Verifies a c2sp.org/tlog-proof receipt offline, with nothing but the log's public key (and, optionally, a
 * witness policy): the checkpoint signature and origin, the cosignature quorum, and the RFC 6962 inclusion proof
 * of the entry (hashed as a leaf: SHA-256(0x00 || entry)) or of the given leaf hash against the checkpoint root.
 * The extra data is returned but authenticated by nothing. Throws {@link NoteError} (signatures, origin,
 * policy), {@link ProofError} (receipt syntax, inclusion), {@link InvalidInputError} (keys, policy).
 *
 * @example
 * const { checkpoint, index } = verifyReceipt({ receipt, entry, logVerifierKey: 'example.com/log+1a2b3c4d+AX…' })
 */
export function verifyReceipt(parameters: VerifyReceiptParameters): VerifyReceiptReturnType {
  const { receipt, logVerifierKey, origin, witnesses } = parameters
  const parsed =
    typeof receipt === 'string' || receipt instanceof Uint8Array ? parseReceipt(receipt) : receipt
  const log = typeof logVerifierKey === 'string' ? parseLogVerifierKey(logVerifierKey) : logVerifierKey
  const witnessVerifiers = (witnesses?.verifierKeys ?? []).map((key) =>
    typeof key === 'string' ? parseCosignatureVerifierKey(key) : key,
  )
  const { checkpoint, cosignatures } = openCosignedCheckpoint({
    note: parsed.checkpointNote,
    policy: {
      log: [log],
      ...(origin !== undefined ? { origin } : {}),
      witnesses: witnessVerifiers,
      quorum: witnesses?.quorum ?? 0,
    },
  })
  const leafHash = parameters.entry !== undefined ? hashLeaf(parameters.entry) : parameters.leafHash
  if (leafHash?.length !== 32) throw new ProofError('leaf hash is not 32 bytes')
  verifyInclusion({
    index: parsed.index,
    size: checkpoint.size,
    leafHash,
    proof: parsed.proof,
    root: checkpoint.rootHash,
  })
  return {
    checkpoint,
    index: parsed.index,
    leafHash,
    cosignatures,
    ...(parsed.extra ? { extra: parsed.extra } : {}),
  }
}
