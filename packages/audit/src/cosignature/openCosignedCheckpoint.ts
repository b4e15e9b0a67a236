import { type ParseCheckpointReturnType, parseCheckpoint } from '../checkpoint/parseCheckpoint.ts'
import { InvalidInputError, NoteError } from '../errors/AuditError.ts'
import type { NoteSignature } from '../note/NoteSignature.ts'
import { openNote } from '../note/openNote.ts'
import type { CosignaturePolicy } from './CosignaturePolicy.ts'
import { cosignatureTimestamp } from './cosignatureTimestamp.ts'
import type { VerifiedCosignature } from './VerifiedCosignature.ts'

/** Parameters of {@link openCosignedCheckpoint}. */
export type OpenCosignedCheckpointParameters = {
  /** The signed and cosigned checkpoint note. */
  note: string | Uint8Array
  policy: CosignaturePolicy
}

/** Return type of {@link openCosignedCheckpoint}. */
export type OpenCosignedCheckpointReturnType = {
  checkpoint: ParseCheckpointReturnType
  /** The authenticated checkpoint text. */
  text: string
  /** Verified signatures by the log's keys. */
  logSignatures: NoteSignature[]
  /** Verified cosignatures by the policy's witnesses. */
  cosignatures: VerifiedCosignature[]
  /** Signatures by keys outside the policy, ignored. */
  unverifiedSignatures: NoteSignature[]
}

/**
 * Opens a checkpoint under a {@link CosignaturePolicy}: "signed by the log, and cosigned by k of these n
 * witnesses". Every signature by a key of the policy must verify (see `openNote`); others are ignored, so any
 * subset of the policy's witnesses can be present. Throws {@link NoteError} when the log did not sign, the
 * origin differs, or fewer than `quorum` witnesses cosigned; {@link InvalidInputError} for an invalid policy.
 *
 * @example
 * const { checkpoint, cosignatures } = openCosignedCheckpoint({ note, policy: { log: [logVerifier], witnesses, quorum: 2 } })
 */
export function openCosignedCheckpoint({
  note,
  policy: { log, origin, witnesses, quorum },
}: OpenCosignedCheckpointParameters): OpenCosignedCheckpointReturnType {
  const witnessNames = new Set(witnesses.map((w) => w.name))
  if (log.length === 0) throw new InvalidInputError('policy has no log key')
  if (!Number.isSafeInteger(quorum) || quorum < 0 || quorum > witnessNames.size)
    throw new InvalidInputError('invalid cosignature quorum', {
      details: `${quorum} of ${witnessNames.size} witnesses`,
    })
  const opened = openNote({ note, verifiers: [...log, ...witnesses] })
  const isLogKey = (s: NoteSignature) => log.some((v) => v.name === s.name && v.keyId === s.keyId)
  const logSignatures = opened.verifiedSignatures.filter(isLogKey)
  if (logSignatures.length === 0) throw new NoteError('checkpoint is not signed by the log')
  const checkpoint = parseCheckpoint(opened.text)
  const expectedOrigins = origin !== undefined ? [origin] : logSignatures.map((s) => s.name)
  if (!expectedOrigins.includes(checkpoint.origin))
    throw new NoteError('checkpoint origin mismatch', {
      details: `got ${JSON.stringify(checkpoint.origin)}, want ${JSON.stringify(expectedOrigins[0])}`,
    })
  const cosignatures = opened.verifiedSignatures.flatMap((s) => {
    const witness = witnesses.find((w) => w.name === s.name && w.keyId === s.keyId)
    if (!witness) return []
    return [
      { name: s.name, keyId: s.keyId, algorithm: witness.algorithm, timestamp: cosignatureTimestamp(s) },
    ]
  })
  const cosigned = new Set(cosignatures.map((c) => c.name)).size
  if (cosigned < quorum)
    throw new NoteError('cosignature quorum not met', {
      details: `${cosigned} of ${quorum} required witnesses`,
    })
  return {
    checkpoint,
    text: opened.text,
    logSignatures,
    cosignatures,
    unverifiedSignatures: opened.unverifiedSignatures,
  }
}
