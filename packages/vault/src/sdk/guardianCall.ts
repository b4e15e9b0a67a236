import type { Account, Address, Hash, Hex } from 'viem'
import type { VaultClient } from '../chain/VaultClient.ts'
import { VaultChainError } from '../errors/VaultError.ts'
import { execSafeTransaction } from './execSafeTransaction.ts'

/** Who acts: a guardian (a direct call) or Safe owners (a Safe transaction). */
export type GuardianAuthority = { guardian: Account } | { safe: Address; owners: readonly Account[] }

/**
 * Sends a module call that takes effect at once (tightening, pause, kill, revoke) as a guardian or through the
 * Safe, and waits for it.
 *
 * @example
 * await guardianCall(client, { module, data, by: { guardian } })
 */
export async function guardianCall(
  client: VaultClient,
  parameters: { module: Address; data: Hex; by: GuardianAuthority },
): Promise<Hash> {
  const { module, data, by } = parameters
  if ('owners' in by)
    return execSafeTransaction(client, { safe: by.safe, owners: by.owners, to: module, data })
  try {
    const hash = await client.walletClient.sendTransaction({
      account: by.guardian,
      to: module,
      data,
      chain: client.walletClient.chain,
    })
    const receipt = await client.publicClient.waitForTransactionReceipt({ hash })
    if (receipt.status !== 'success') throw new VaultChainError('guardian call reverted', { details: hash })
    return hash
  } catch (cause) {
    if (cause instanceof VaultChainError) throw cause
    throw new VaultChainError('guardian call failed', {
      details: (cause as { shortMessage?: string }).shortMessage ?? String(cause),
      cause,
    })
  }
}
