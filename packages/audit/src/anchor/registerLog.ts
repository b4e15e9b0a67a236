import { checkpointAnchorAbi } from '@sextant/chain/generated/CheckpointAnchor'
import { type Address, type Hex, keccak256, toBytes, zeroAddress } from 'viem'
import type { AnchorClient } from './AnchorClient.ts'
import { callAnchor } from './callAnchor.ts'
import { logIdOf } from './logIdOf.ts'

/** Parameters of {@link registerLog}. */
export type RegisterLogParameters = {
  anchor: Address
  /** The log's origin line (first line of its checkpoints). */
  origin: string
  /** An extra address allowed to anchor (the operator always may). */
  submitter?: Address
}

/**
 * Registers a log with the anchor contract, the caller becoming its operator; returns the log id.
 *
 * @example
 * const { logId } = await registerLog(chain, { anchor, origin: 'sextant.local/audit' })
 */
export async function registerLog(
  client: AnchorClient,
  { anchor, origin, submitter }: RegisterLogParameters,
): Promise<{ logId: Hex }> {
  const account = client.walletClient.account
  await callAnchor(client, 'log registration rejected', () =>
    client.publicClient.simulateContract({
      account,
      address: anchor,
      abi: checkpointAnchorAbi,
      functionName: 'registerLog',
      args: [keccak256(toBytes(origin)), submitter ?? zeroAddress],
    }),
  )
  return { logId: logIdOf({ operator: account.address, origin }) }
}
