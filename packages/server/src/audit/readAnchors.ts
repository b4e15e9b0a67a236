import { checkpointAnchorAbi } from '@sextant/chain/generated/CheckpointAnchor'
import type { AnchorRef } from './AnchorRef.ts'

/** One on-chain anchoring of a checkpoint, read from the contract's `CheckpointAnchored` events. */
export type AnchorRecord = {
  size: number
  /** The anchored root, hex. */
  rootHash: string
  blockNumber: number
  txHash: string
}

/**
 * Reads every anchoring of the log from the chain, oldest first: the truth a dashboard shows, not a local note
 * of what was sent.
 *
 * @example
 * const anchors = await readAnchors({ publicClient, address, logId })
 */
export async function readAnchors({ publicClient, address, logId }: AnchorRef): Promise<AnchorRecord[]> {
  const events = await publicClient.getContractEvents({
    address,
    abi: checkpointAnchorAbi,
    eventName: 'CheckpointAnchored',
    args: { logId },
    fromBlock: 0n,
    toBlock: 'latest',
  })
  return events.map((event) => {
    return {
      size: Number(event.args.size ?? 0n),
      rootHash: event.args.root ?? '',
      blockNumber: Number(event.blockNumber),
      txHash: event.transactionHash,
    }
  })
}
