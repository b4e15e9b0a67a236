// Test and benchmark helper: a deterministic log key that signs real C2SP checkpoints and verifies them with
// the real note/checkpoint code (through createCheckpointVerifier).
import { sha256 } from '@noble/hashes/sha2.js'
import { signCheckpoint } from '../checkpoint/signCheckpoint.ts'
import { generateSignerKey } from '../note/generateSignerKey.ts'
import { parseSignerKey } from '../note/parseSignerKey.ts'
import type { LogStorage } from '../storage/LogStorage.ts'
import { treeHash } from '../tree/treeHash.ts'
import type { CheckpointVerifier } from './CheckpointVerifier.ts'
import { createCheckpointVerifier } from './createCheckpointVerifier.ts'
import type { TreeHead } from './TreeHead.ts'

/** A log signing key for tests: signs checkpoints as Ed25519 signed notes and verifies them. */
export type TestLogKey = {
  origin: string
  /** The signed note of a checkpoint `origin\nsize\nbase64(root)\n`. */
  signCheckpoint(head: TreeHead): string
  /** Signs the checkpoint of the storage's current size and stores it; returns the note. */
  checkpoint(storage: LogStorage): Promise<string>
  /** Accepts only notes signed by this key, with this origin. */
  verifyCheckpoint: CheckpointVerifier
}

/**
 * Creates a deterministic test key whose key name is the origin.
 *
 * @example
 * const key = createTestLogKey({ origin: 'test.example/log' })
 * const note = await key.checkpoint(storage)
 */
export function createTestLogKey({ origin, seed = 1 }: { origin: string; seed?: number }): TestLogKey {
  const { signerKey, verifierKey } = generateSignerKey({
    name: origin,
    seed: sha256(new TextEncoder().encode(`test key ${seed}`)),
  })
  const signer = parseSignerKey(signerKey)
  const sign = ({ size, rootHash }: TreeHead) =>
    signCheckpoint({ checkpoint: { origin, size, rootHash }, signers: [signer] })
  return {
    origin,
    signCheckpoint: sign,
    async checkpoint(storage) {
      const size = await storage.size()
      const note = sign({ size, rootHash: await treeHash(storage, { size }) })
      await storage.putCheckpoint({ size, note })
      return note
    },
    verifyCheckpoint: createCheckpointVerifier({ verifierKeys: [verifierKey] }),
  }
}
