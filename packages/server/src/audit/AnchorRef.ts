import type { Chain, PublicClient, Transport } from 'viem'

/**
 * Where a log is anchored: the chain client that reads it, the CheckpointAnchor contract and the log's id there.
 *
 * @example
 * const ref: AnchorRef = { publicClient: chain.publicClient, address: anchor, logId }
 */
export type AnchorRef = {
  publicClient: PublicClient<Transport, Chain>
  address: `0x${string}`
  logId: `0x${string}`
}
