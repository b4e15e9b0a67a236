import { signCheckpoint } from '../checkpoint/signCheckpoint.ts'
import { generateSignerKey } from '../note/generateSignerKey.ts'
import { parseSignerKey } from '../note/parseSignerKey.ts'
import { splitSignerKey } from '../note/splitSignerKey.ts'
import { createMemoryTree } from '../tree/createMemoryTree.ts'
import { hashLeaf } from '../tree/hashLeaf.ts'
import { proveConsistency } from '../tree/proveConsistency.ts'
import { proveInclusion } from '../tree/proveInclusion.ts'
import { treeHash } from '../tree/treeHash.ts'

/** A small signed RFC 6962 log for tests: entries `entry 0`, `entry 1`, … and checkpoints of any prefix. */
export type TestLog = {
  origin: string
  signerKey: string
  verifierKey: string
  entries: Uint8Array[]
  root(size: number): Promise<Uint8Array>
  /** The log's signed checkpoint note for the first `size` entries. */
  checkpointNote(size: number): Promise<string>
  inclusionProof(index: number, size: number): Promise<Uint8Array[]>
  consistencyProof(size1: number, size2: number): Promise<Uint8Array[]>
}

/** Parameters of {@link createTestLog}. */
export type CreateTestLogParameters = {
  origin: string
  size: number
  /** Ed25519 signer key; a fresh one named after the origin when omitted. */
  signerKey?: string
  /** Prefix of the entries (`entry 0`, … by default): another prefix gives a fork of the same log. */
  entryPrefix?: string
}

/**
 * Builds a test log of `size` entries and signs checkpoints of any prefix of it. Test code only.
 *
 * @example
 * const log = await createTestLog({ origin: 'example.com/log', size: 13 })
 * const note = await log.checkpointNote(13)
 */
export async function createTestLog({
  origin,
  size,
  signerKey: givenSignerKey,
  entryPrefix = 'entry',
}: CreateTestLogParameters): Promise<TestLog> {
  const seed = givenSignerKey === undefined ? undefined : splitSignerKey(givenSignerKey).privateKey
  const { signerKey, verifierKey } = generateSignerKey({ name: origin, ...(seed ? { seed } : {}) })
  const signer = parseSignerKey(signerKey)
  const tree = createMemoryTree()
  const entries = Array.from({ length: size }, (_, i) => new TextEncoder().encode(`${entryPrefix} ${i}`))
  for (const entry of entries) await tree.append(hashLeaf(entry))
  const root = (n: number) => treeHash(tree, { size: n })
  return {
    origin,
    signerKey,
    verifierKey,
    entries,
    root,
    checkpointNote: async (n) =>
      signCheckpoint({ checkpoint: { origin, size: n, rootHash: await root(n) }, signers: [signer] }),
    inclusionProof: (index, n) => proveInclusion(tree, { index, size: n }),
    consistencyProof: (size1, size2) => proveConsistency(tree, { size1, size2 }),
  }
}
