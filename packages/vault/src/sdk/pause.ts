import { iSextantGuardModuleAbi } from '@sextant/chain/generated/ISextantGuardModule'
import { type Address, encodeFunctionData, type Hash } from 'viem'
import type { VaultClient } from '../chain/VaultClient.ts'
import { type GuardianAuthority, guardianCall } from './guardianCall.ts'

/**
 * Pauses the vault at once (`kill: true` = the kill switch: also revokes every session key and cancels queued
 * changes). Unpausing is a loosening and needs the owners plus the timelock.
 *
 * @example
 * await pause(client, { module, by: { guardian } })
 */
export function pause(
  client: VaultClient,
  parameters: { module: Address; by: GuardianAuthority; kill?: boolean },
): Promise<Hash> {
  const data = encodeFunctionData({
    abi: iSextantGuardModuleAbi,
    functionName: parameters.kill ? 'kill' : 'pause',
  })
  return guardianCall(client, { module: parameters.module, data, by: parameters.by })
}
