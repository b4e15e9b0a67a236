import { deployContract } from '@sextant/chain/deploy/deployContract'
import { checkpointAnchorAbi, checkpointAnchorBytecode } from '@sextant/chain/generated/CheckpointAnchor'
import type { Address } from 'viem'
import type { AnchorClient } from './AnchorClient.ts'

/**
 * Deploys the CheckpointAnchor contract (one serves any number of logs).
 *
 * @example
 * const anchor = await deployCheckpointAnchor(chain)
 */
export function deployCheckpointAnchor(client: AnchorClient): Promise<Address> {
  return deployContract(client, { abi: checkpointAnchorAbi, bytecode: checkpointAnchorBytecode })
}
