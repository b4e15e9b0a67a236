import type { TreeHead } from './TreeHead.ts'

/**
 * Opens a checkpoint note: checks it carries a valid signature by a trusted key of the expected log (origin
 * included) and returns the tree head it commits to; throws if it does not verify. The seam where the signed
 * note and checkpoint code plugs in.
 *
 * @example
 * const verifyCheckpoint: CheckpointVerifier = (note) => {
 *   const checkpoint = parseCheckpoint(openNote(note, verifiers).text)
 *   if (checkpoint.origin !== origin) throw new NoteError('wrong origin')
 *   return { size: checkpoint.size, rootHash: checkpoint.rootHash }
 * }
 */
export type CheckpointVerifier = (note: string) => TreeHead | Promise<TreeHead>
