import { iSextantGuardModuleAbi } from '@sextant/chain/generated/ISextantGuardModule'
import { type Account, encodeFunctionData, type Hex } from 'viem'
import type { VaultClient } from '../chain/VaultClient.ts'
import { encodeMultiSend } from '../decode/encodeMultiSend.ts'
import type { Policy } from '../policy/Policy.ts'
import { encodePolicy } from './encodePolicy.ts'
import { execSafeTransaction } from './execSafeTransaction.ts'
import type { Vault } from './Vault.ts'

/** Return type of {@link setPolicy}. */
export type SetPolicyReturnType = {
  /** Setter calls that took effect at once (tightening, or anything before the setup was sealed). */
  applied: Hex[]
  /** Loosening changes queued behind the timelock: run them with `executeChange` once `eta` has passed. */
  queued: { changeNonce: bigint; change: Hex; eta: bigint }[]
}

/**
 * Brings the module's policy to `policy` from the Safe (owners sign): each setter that the module accepts at once
 * (tightening) is applied now; each loosening one is queued behind the timelock. Rules the new policy drops are
 * not removed here (use the guardian's tightening calls).
 *
 * @example
 * const { applied, queued } = await setPolicy(client, { vault, owners: [alice, bob], policy })
 */
export async function setPolicy(
  client: VaultClient,
  parameters: { vault: Vault; owners: readonly Account[]; policy: Policy },
): Promise<SetPolicyReturnType> {
  const { vault, owners, policy } = parameters
  const applied: Hex[] = []
  const loosening: Hex[] = []
  for (const change of encodePolicy(policy, { safe: vault.safe })) {
    try {
      await client.publicClient.call({ account: vault.safe, to: vault.module, data: change })
      applied.push(change)
    } catch {
      loosening.push(change)
    }
  }
  const firstNonce = await client.publicClient.readContract({
    address: vault.module,
    abi: iSextantGuardModuleAbi,
    functionName: 'nextChangeNonce',
  })
  const calls = [
    ...applied.map((data) => ({ to: vault.module, value: 0n, data })),
    ...loosening.map((change) => ({
      to: vault.module,
      value: 0n,
      data: encodeFunctionData({ abi: iSextantGuardModuleAbi, functionName: 'queueChange', args: [change] }),
    })),
  ]
  if (calls.length === 0) return { applied, queued: [] }
  await execSafeTransaction(client, {
    safe: vault.safe,
    owners,
    to: vault.singletons.multiSendCallOnly,
    data: encodeMultiSend(calls),
    operation: 1,
  })
  const queued = await Promise.all(
    loosening.map(async (change, i) => {
      const changeNonce = firstNonce + BigInt(i)
      const id = await client.publicClient.readContract({
        address: vault.module,
        abi: iSextantGuardModuleAbi,
        functionName: 'changeId',
        args: [changeNonce, change],
      })
      const eta = await client.publicClient.readContract({
        address: vault.module,
        abi: iSextantGuardModuleAbi,
        functionName: 'changeEta',
        args: [id],
      })
      return { changeNonce, change, eta: BigInt(eta) }
    }),
  )
  return { applied, queued }
}
