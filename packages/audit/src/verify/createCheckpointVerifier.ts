import { openCheckpoint } from '../checkpoint/openCheckpoint.ts'
import { parseVerifierKey } from '../note/parseVerifierKey.ts'
import type { CheckpointVerifier } from './CheckpointVerifier.ts'

/**
 * A {@link CheckpointVerifier} for a log's public key(s): opens the C2SP signed note, requires a valid signature
 * by one of the keys (unknown signatures, e.g. witnesses', are ignored) and the expected origin (default: the
 * key's name), and returns the tree head.
 *
 * @example
 * const verifyCheckpoint = createCheckpointVerifier({ verifierKeys: [verifierKey] })
 * const result = await verifyLog({ url, verifyCheckpoint })
 */
export function createCheckpointVerifier({
  verifierKeys,
  origin,
}: {
  verifierKeys: readonly string[]
  origin?: string
}): CheckpointVerifier {
  const verifiers = verifierKeys.map(parseVerifierKey)
  const expected = origin ?? verifiers[0]?.name
  return (note) => {
    const { checkpoint } = openCheckpoint({ note, verifiers, ...(expected ? { origin: expected } : {}) })
    return { size: checkpoint.size, rootHash: checkpoint.rootHash }
  }
}
