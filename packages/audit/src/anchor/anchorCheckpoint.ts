import { checkpointAnchorAbi } from '@sextant/chain/generated/CheckpointAnchor'
import { type Address, bytesToHex, type Hash, type Hex } from 'viem'
import type { HashReader } from '../tree/HashReader.ts'
import { proveConsistency } from '../tree/proveConsistency.ts'
import type { AnchorClient } from './AnchorClient.ts'
import { callAnchor } from './callAnchor.ts'
import { readAnchoredCheckpoint } from './readAnchoredCheckpoint.ts'

/** Parameters of {@link anchorCheckpoint}. */
export type AnchorCheckpointParameters = {
  anchor: Address
  logId: Hex
  size: number
  rootHash: Uint8Array
}

/** Return type of {@link anchorCheckpoint}. */
export type AnchorCheckpointReturnType = {
  hash: Hash
  gasUsed: bigint
  previousSize: number
  proofLength: number
}

/**
 * Anchors a checkpoint on-chain with the consistency proof from the last anchored one (read from the chain,
 * proven from the log's stored hashes). The contract rejects any history that does not extend the anchored one.
 *
 * @example
 * await anchorCheckpoint(chain, storage, { anchor, logId, size, rootHash })
 */
export async function anchorCheckpoint(
  client: AnchorClient,
  reader: HashReader,
  { anchor, logId, size, rootHash }: AnchorCheckpointParameters,
): Promise<AnchorCheckpointReturnType> {
  const previous = await readAnchoredCheckpoint(client, { anchor, logId })
  const previousSize = previous?.size ?? 0
  const proof =
    previousSize > 0 && previousSize < size
      ? await proveConsistency(reader, { size1: previousSize, size2: size })
      : []
  const { hash, gasUsed } = await callAnchor(client, 'anchor rejected', () =>
    client.publicClient.simulateContract({
      account: client.walletClient.account,
      address: anchor,
      abi: checkpointAnchorAbi,
      functionName: 'anchor',
      args: [logId, BigInt(size), bytesToHex(rootHash), proof.map((p) => bytesToHex(p))],
    }),
  )
  return { hash, gasUsed, previousSize, proofLength: proof.length }
}
