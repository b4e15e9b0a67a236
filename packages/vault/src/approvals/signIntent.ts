import type { Account, Address, Hex } from 'viem'
import { keccak256 } from 'viem'
import { ApprovalError } from '../errors/VaultError.ts'

/** Parameters of {@link signIntent}: the exact call, bound to one session key, single use, expiring. */
export type SignIntentParameters = {
  owner: Account
  chainId: number
  safe: Address
  module: Address
  sessionKey: Address
  to: Address
  value: bigint
  data: Hex
  nonce: bigint
  expiry: bigint
}

/** EIP-712 types of the module's `Intent`. */
export const intentTypes = {
  Intent: [
    { name: 'safe', type: 'address' },
    { name: 'module', type: 'address' },
    { name: 'sessionKey', type: 'address' },
    { name: 'to', type: 'address' },
    { name: 'value', type: 'uint256' },
    { name: 'dataHash', type: 'bytes32' },
    { name: 'nonce', type: 'uint256' },
    { name: 'expiry', type: 'uint256' },
  ],
} as const

/**
 * An owner's co-signature of one intent: EIP-712 over `Intent{safe, module, sessionKey, to, value,
 * keccak256(data), nonce, expiry}` in the domain `{name: "SextantGuardModule", version: "1", chainId,
 * verifyingContract: module}` — 65 bytes r ‖ s ‖ v, what `executeWithCoSignature` checks.
 *
 * @example
 * const signature = await signIntent({ owner, chainId: 31337, safe, module, sessionKey, to, value: 0n, data, nonce: 7n, expiry })
 */
export async function signIntent(parameters: SignIntentParameters): Promise<Hex> {
  const { owner, chainId, module } = parameters
  if (!owner.signTypedData) throw new ApprovalError('the owner account cannot sign typed data')
  return owner.signTypedData({
    domain: { name: 'SextantGuardModule', version: '1', chainId, verifyingContract: module },
    types: intentTypes,
    primaryType: 'Intent',
    message: {
      safe: parameters.safe,
      module,
      sessionKey: parameters.sessionKey,
      to: parameters.to,
      value: parameters.value,
      dataHash: keccak256(parameters.data),
      nonce: parameters.nonce,
      expiry: parameters.expiry,
    },
  })
}
