import { encodeUtf8 } from '../encoding/encodeUtf8.ts'
import { formatSignatureLine } from '../note/formatSignatureLine.ts'
import type { NoteSignature } from '../note/NoteSignature.ts'
import { parseNote } from '../note/parseNote.ts'
import { signNote } from '../note/signNote.ts'
import type { CosignatureSigner } from './CosignatureSigner.ts'

/** Parameters of {@link cosignCheckpoint}. */
export type CosignCheckpointParameters = {
  /** The signed checkpoint note. Its signatures are NOT verified here (a witness verifies the log's first). */
  note: string | Uint8Array
  cosigner: CosignatureSigner
  /** POSIX seconds; defaults to now. */
  timestamp?: number
}

/** Return type of {@link cosignCheckpoint}. */
export type CosignCheckpointReturnType = {
  /** The note with the cosignature added after its existing signatures (replacing an earlier one by this key). */
  note: string
  /** The new cosignature. */
  signature: NoteSignature
  /** The new cosignature as a signature line, as a witness returns it. */
  signatureLine: string
  timestamp: number
}

/**
 * Adds a c2sp.org/tlog-cosignature to a signed checkpoint. Throws {@link NoteError} when the note or its
 * checkpoint is malformed (or, for ML-DSA-44, carries extension lines), {@link InvalidInputError} for a bad
 * timestamp.
 *
 * @example
 * const { signatureLine } = cosignCheckpoint({ note, cosigner: parseCosignatureSignerKey(witnessSignerKey) })
 */
export function cosignCheckpoint({
  note,
  cosigner,
  timestamp = Math.floor(Date.now() / 1000),
}: CosignCheckpointParameters): CosignCheckpointReturnType {
  const { text, signatures } = parseNote(note)
  const signature = {
    name: cosigner.name,
    keyId: cosigner.keyId,
    signature: cosigner.signAt(encodeUtf8(text)!, timestamp),
  }
  const kept = signatures.filter((s) => s.name !== signature.name || s.keyId !== signature.keyId)
  return {
    note: signNote({ text, signers: [], signatures: [...kept, signature] }),
    signature,
    signatureLine: formatSignatureLine(signature),
    timestamp,
  }
}
