import type { AnchoredCheckpoint } from '@sextant/audit/anchor/readAnchoredCheckpoint'
import { openCheckpoint } from '@sextant/audit/checkpoint/openCheckpoint'
import type { AuditLog } from '@sextant/audit/log/AuditLog'
import { parseVerifierKey } from '@sextant/audit/note/parseVerifierKey'
import { verifyReceipt } from '@sextant/audit/receipt/verifyReceipt'
import { equalBytes } from '@sextant/audit/tree/chain'
import { createMemoryTree } from '@sextant/audit/tree/createMemoryTree'
import { hashLeaf } from '@sextant/audit/tree/hashLeaf'
import { treeHash } from '@sextant/audit/tree/treeHash'

/**
 * Re-derives the log from what anyone can see: the entries (no secrets), the signed checkpoint, each entry's
 * receipt, and the chain's anchored root, recomputing the tree from scratch.
 *
 * @example
 * const result = await verifyFromPublicData({ log, verifierKey, anchored })
 */
export async function verifyFromPublicData({
  log,
  verifierKey,
  anchored,
}: {
  log: AuditLog
  verifierKey: string
  anchored: AnchoredCheckpoint | undefined
}) {
  const latest = await log.storage.latestCheckpoint()
  if (!latest) return { ok: false, problem: 'no checkpoint' }
  const { checkpoint } = openCheckpoint({ note: latest.note, verifiers: [parseVerifierKey(verifierKey)] })
  const entries = await log.storage.readEntries(0, checkpoint.size)
  const tree = createMemoryTree()
  for (const entry of entries) await tree.append(hashLeaf(entry))
  const rootMatches = equalBytes(await treeHash(tree, { size: checkpoint.size }), checkpoint.rootHash)
  let receiptsVerified = 0
  for (let i = 0; i < entries.length; i++) {
    verifyReceipt({ receipt: await log.receipt(i), entry: entries[i]!, logVerifierKey: verifierKey })
    receiptsVerified++
  }
  const anchorMatches =
    anchored !== undefined && equalBytes(await treeHash(tree, { size: anchored.size }), anchored.rootHash)
  return {
    ok: rootMatches && anchorMatches && receiptsVerified === entries.length,
    checkpointSignature: true,
    rootMatches,
    receiptsVerified,
    anchorMatches,
  }
}
