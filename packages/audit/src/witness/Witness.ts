import type { ParseCheckpointReturnType } from '../checkpoint/parseCheckpoint.ts'
import type { NoteSignature } from '../note/NoteSignature.ts'
import type { AddCheckpointRequest } from './AddCheckpointRequest.ts'

/** Return type of {@link Witness}'s `addCheckpoint`. */
export type WitnessAddCheckpointReturnType = {
  /** The checkpoint now recorded and cosigned. */
  checkpoint: ParseCheckpointReturnType
  /** The cosignature timestamp, POSIX seconds. */
  timestamp: number
  /** One cosignature per witness key. */
  signatures: NoteSignature[]
  /** The signature lines, the 200 response body of c2sp.org/tlog-witness `add-checkpoint`. */
  body: string
}

/**
 * A c2sp.org/tlog-witness witness: it verifies checkpoints from the logs it knows, checks they are consistent
 * with the latest one it cosigned for that origin, records them, and cosigns them.
 *
 * @example
 * const { body } = await witness.addCheckpoint(parseAddCheckpointRequest(requestBody))
 */
export type Witness = {
  /** The witness's cosigner verifier keys, for clients' policies. */
  readonly verifierKeys: readonly string[]
  addCheckpoint(request: AddCheckpointRequest): Promise<WitnessAddCheckpointReturnType>
}
