import { iSextantGuardModuleAbi } from '@sextant/chain/generated/ISextantGuardModule'
import { type Address, encodeFunctionData, type Hash } from 'viem'
import type { VaultClient } from '../chain/VaultClient.ts'
import { type GuardianAuthority, guardianCall } from './guardianCall.ts'

/**
 * Revokes an agent session key at once (a guardian or the Safe's owners); its next call is refused.
 *
 * @example
 * await revokeSessionKey(client, { module, key: agent.address, by: { guardian } })
 */
export function revokeSessionKey(
  client: VaultClient,
  parameters: { module: Address; key: Address; by: GuardianAuthority },
): Promise<Hash> {
  const data = encodeFunctionData({
    abi: iSextantGuardModuleAbi,
    functionName: 'revokeSessionKey',
    args: [parameters.key],
  })
  return guardianCall(client, { module: parameters.module, data, by: parameters.by })
}
