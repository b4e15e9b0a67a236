import type { NoteSigner } from '../note/NoteSigner.ts'
import { signNote } from '../note/signNote.ts'
import type { Checkpoint } from './Checkpoint.ts'
import { formatCheckpoint } from './formatCheckpoint.ts'

/** Parameters of {@link signCheckpoint}. */
export type SignCheckpointParameters = {
  checkpoint: Checkpoint
  /** The log's key(s); by the spec, the key name SHOULD be the origin. */
  signers: readonly NoteSigner[]
}

/**
 * Formats and signs a checkpoint, returning the signed note. Throws {@link InvalidInputError}.
 *
 * @example
 * const note = signCheckpoint({ checkpoint: { origin, size, rootHash }, signers: [parseSignerKey(logSignerKey)] })
 */
export function signCheckpoint({ checkpoint, signers }: SignCheckpointParameters): string {
  return signNote({ text: formatCheckpoint(checkpoint), signers })
}
