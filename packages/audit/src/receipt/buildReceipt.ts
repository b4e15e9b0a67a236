import { InvalidInputError } from '../errors/AuditError.ts'
import type { LogStorage, StoredCheckpoint } from '../storage/LogStorage.ts'
import { proveInclusion } from '../tree/proveInclusion.ts'
import { formatReceipt } from './formatReceipt.ts'

/**
 * Builds the C2SP tlog-proof receipt of entry `index` against a stored checkpoint (default: the latest).
 * Reads only; throws {@link InvalidInputError} when no checkpoint covers the entry yet.
 *
 * @example
 * const receipt = await buildReceipt(storage, { index: 3 })
 */
export async function buildReceipt(
  storage: Pick<LogStorage, 'latestCheckpoint' | 'readHashes'>,
  { index, checkpoint }: { index: number; checkpoint?: StoredCheckpoint },
): Promise<string> {
  const covering = checkpoint ?? (await storage.latestCheckpoint())
  if (!Number.isSafeInteger(index) || index < 0 || !covering || index >= covering.size) {
    throw new InvalidInputError('no checkpoint covers this entry', {
      details: `index ${index}, checkpointed size ${covering?.size ?? 0}`,
    })
  }
  const proof = await proveInclusion(storage, { index, size: covering.size })
  return formatReceipt({ index, proof, checkpointNote: covering.note })
}
