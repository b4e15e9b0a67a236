import { iSextantGuardModuleAbi } from '@sextant/chain/generated/ISextantGuardModule'
import { type Account, encodeFunctionData, type Hex } from 'viem'
import { readModulePolicy } from '../chain/readModulePolicy.ts'
import { revertName } from '../chain/revertName.ts'
import type { VaultClient } from '../chain/VaultClient.ts'
import { encodeMultiSend } from '../decode/encodeMultiSend.ts'
import { VaultChainError } from '../errors/VaultError.ts'
import type { Policy } from '../policy/Policy.ts'
import { execSafeTransaction } from './execSafeTransaction.ts'
import { planPolicyChanges } from './planPolicyChanges.ts'
import type { Vault } from './Vault.ts'

/** Parameters of {@link setPolicy}. */
export type SetPolicyParameters = {
  vault: Vault
  /** Owners who sign the Safe transaction (at least the threshold). */
  owners: readonly Account[]
  policy: Policy
  /** First block to scan for the module's allowlist events (default: the vault's `deployBlock`, else 0). */
  fromBlock?: bigint
  /** Most blocks per `eth_getLogs` request (see `readModulePolicy`; default 10,000). */
  logRange?: bigint
}

/** Return type of {@link setPolicy}. */
export type SetPolicyReturnType = {
  /** Setter calls that took effect at once (removals and other tightening, or anything before the seal). */
  applied: Hex[]
  /** Loosening changes queued behind the timelock: run them with `executeChange` once `eta` has passed. */
  queued: { changeNonce: bigint; change: Hex; eta: bigint }[]
}

/**
 * Brings the module's spending rules to exactly `policy` from the Safe (owners sign), in one Safe transaction:
 * token rules, recipients and allowlisted functions the policy no longer lists are removed, and every other
 * tightening is applied, at once; each loosening change (a new or raised rule, recipient or function) is queued
 * behind the timelock. Unchanged rules produce no call; see `planPolicyChanges` for the exact steps. Guardians,
 * the timelock and session keys are not changed.
 *
 * @example
 * const { applied, queued } = await setPolicy(client, { vault, owners: [alice, bob], policy })
 */
export async function setPolicy(
  client: VaultClient,
  parameters: SetPolicyParameters,
): Promise<SetPolicyReturnType> {
  const { vault, owners, policy } = parameters
  const current = await readModulePolicy(client, {
    module: vault.module,
    fromBlock: parameters.fromBlock ?? BigInt(vault.deployBlock ?? 0),
    logRange: parameters.logRange,
  })
  const applied: Hex[] = []
  const loosening: Hex[] = []
  for (const change of planPolicyChanges({ current, policy, safe: vault.safe })) {
    try {
      await client.publicClient.call({ account: vault.safe, to: vault.module, data: change })
      applied.push(change)
    } catch (error) {
      const name = revertName(error)
      if (name !== 'ChangeNeedsTimelock')
        throw new VaultChainError('the module refuses a policy change', { details: name, cause: error })
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
