import { checkpointAnchorAbi } from '@sextant/chain/generated/CheckpointAnchor'
import { type Address, type Hex, hexToBytes } from 'viem'
import type { AnchorClient } from './AnchorClient.ts'
import { AnchorError } from './AnchorError.ts'

/** A checkpoint as the chain recorded it. */
export type AnchoredCheckpoint = {
  size: number
  rootHash: Uint8Array
  blockNumber: bigint
  timestamp: number
  anchorCount: number
}

/**
 * Reads the last anchored checkpoint of a log; undefined when the log is registered but nothing was anchored.
 *
 * @example
 * const anchored = await readAnchoredCheckpoint(chain, { anchor, logId })
 */
export async function readAnchoredCheckpoint(
  client: Pick<AnchorClient, 'publicClient'>,
  { anchor, logId }: { anchor: Address; logId: Hex },
): Promise<AnchoredCheckpoint | undefined> {
  let latest: { root: Hex; size: bigint; blockNumber: bigint; timestamp: bigint; anchorCount: bigint }
  try {
    latest = await client.publicClient.readContract({
      address: anchor,
      abi: checkpointAnchorAbi,
      functionName: 'latest',
      args: [logId],
    })
  } catch (cause) {
    throw new AnchorError('cannot read the anchored checkpoint', {
      details: `log ${logId} at ${anchor}`,
      cause,
    })
  }
  if (latest.size === 0n) return undefined
  return {
    size: Number(latest.size),
    rootHash: hexToBytes(latest.root),
    blockNumber: latest.blockNumber,
    timestamp: Number(latest.timestamp),
    anchorCount: Number(latest.anchorCount),
  }
}
