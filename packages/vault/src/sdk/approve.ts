import { safeAbi } from '@sextant/chain/generated/Safe'
import type { Account } from 'viem'
import type { ApprovalRequest } from '../approvals/ApprovalRequest.ts'
import type { ApprovalStore } from '../approvals/openApprovalStore.ts'
import { signIntent } from '../approvals/signIntent.ts'
import type { VaultClient } from '../chain/VaultClient.ts'
import { ApprovalError } from '../errors/VaultError.ts'

/** Parameters of {@link approve}. */
export type ApproveParameters = {
  store: ApprovalStore
  id: number
  /** A current owner of the Safe (checked on-chain). */
  owner: Account
  /** Seconds the co-signature stays valid (default: until the request expires). */
  validForSeconds?: number
}

/**
 * An owner approves a held payment: checks on-chain that the key owns the Safe, signs the EIP-712 intent bound
 * to the exact call (target, value, calldata hash, session key, expiry, a fresh single-use nonce) and stores
 * the co-signature for `execute` to use.
 *
 * @example
 * const approved = await approve(client, { store, id: 3, owner: alice })
 */
export async function approve(
  client: Pick<VaultClient, 'publicClient'>,
  parameters: ApproveParameters,
): Promise<ApprovalRequest> {
  const { store, id, owner } = parameters
  const request = store.get(id)
  if (request.status !== 'pending')
    throw new ApprovalError(`approval request is ${request.status}`, { details: `id ${id}` })
  const isOwner = await client.publicClient.readContract({
    address: request.safe,
    abi: safeAbi,
    functionName: 'isOwner',
    args: [owner.address],
  })
  if (!isOwner)
    throw new ApprovalError('not an owner of the Safe', {
      details: `${owner.address} does not own ${request.safe}`,
    })
  const now = Math.floor(Date.now() / 1000)
  const expiry = BigInt(
    parameters.validForSeconds !== undefined ? now + parameters.validForSeconds : request.expiresAt,
  )
  const nonce = BigInt(`0x${Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('hex')}`) | 1n
  const signature = await signIntent({
    owner,
    chainId: request.chainId,
    safe: request.safe,
    module: request.module,
    sessionKey: request.sessionKey,
    to: request.to,
    value: request.value,
    data: request.data,
    nonce,
    expiry,
  })
  return store.approve(id, { by: owner.address, nonce, expiry, signature })
}
