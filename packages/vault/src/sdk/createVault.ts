import { deployContract } from '@sextant/chain/deploy/deployContract'
import { iSextantGuardModuleAbi } from '@sextant/chain/generated/ISextantGuardModule'
import { safeAbi } from '@sextant/chain/generated/Safe'
import { safeProxyFactoryAbi } from '@sextant/chain/generated/SafeProxyFactory'
import {
  sextantGuardModuleAbi,
  sextantGuardModuleBytecode,
} from '@sextant/chain/generated/SextantGuardModule'
import {
  type Account,
  type Address,
  encodeFunctionData,
  getAddress,
  type Hex,
  parseEventLogs,
  zeroAddress,
} from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { nextBlockTime } from '../chain/nextBlockTime.ts'
import type { VaultClient } from '../chain/VaultClient.ts'
import { encodeMultiSend } from '../decode/encodeMultiSend.ts'
import { PolicyError, VaultChainError } from '../errors/VaultError.ts'
import type { Policy } from '../policy/Policy.ts'
import { deploySafeSingletons } from './deploySafeSingletons.ts'
import { encodeAddSessionKey, encodePolicy } from './encodePolicy.ts'
import { execSafeTransaction } from './execSafeTransaction.ts'
import type { SafeSingletons, Vault } from './Vault.ts'

/** Parameters of {@link createVault}. */
export type CreateVaultParameters = {
  /** The humans: Safe owners who sign the setup (at least `threshold` of them). */
  owners: readonly Account[]
  /** Extra owners who do not sign now (addresses). */
  otherOwners?: readonly Address[]
  /** Owner signatures a Safe transaction needs (default: all signing owners). */
  threshold?: number
  policy: Policy
  /** The agent's session key; a fresh one is generated when omitted (its private key is returned). */
  sessionKey?: Address
  /** Safe contracts already on the chain; deployed when omitted. */
  singletons?: SafeSingletons
  saltNonce?: bigint
}

/** Return type of {@link createVault}. */
export type CreateVaultReturnType = Vault & {
  deployBlock: number
  sessionKey: Address
  sessionKeyPrivateKey?: Hex
}

/**
 * Sets up a new agent wallet in one call: deploys a Safe v1.5.0 proxy with the owners, deploys the guard
 * module, then in one owner-signed Safe transaction enables the module, sets the policy, adds the agent's
 * session key and seals the setup phase (from then on loosening needs the owners plus the timelock).
 *
 * @example
 * const vault = await createVault(client, { owners: [alice, bob], threshold: 2, policy: parsePolicy(text) })
 * vault.sessionKeyPrivateKey // give this to the agent
 */
export async function createVault(
  client: VaultClient,
  parameters: CreateVaultParameters,
): Promise<CreateVaultReturnType> {
  const { owners, policy } = parameters
  const ownerAddresses = [...owners.map((o) => o.address), ...(parameters.otherOwners ?? [])].map((a) =>
    getAddress(a),
  )
  const threshold = parameters.threshold ?? owners.length
  if (
    owners.length === 0 ||
    threshold < 1 ||
    threshold > owners.length ||
    new Set(ownerAddresses).size !== ownerAddresses.length
  ) {
    throw new PolicyError('invalid owners', {
      details: `${owners.length} signing owner(s), threshold ${threshold}, no duplicates allowed`,
    })
  }
  const singletons = parameters.singletons ?? (await deploySafeSingletons(client))
  const setup = encodeFunctionData({
    abi: safeAbi,
    functionName: 'setup',
    args: [
      ownerAddresses,
      BigInt(threshold),
      zeroAddress,
      '0x',
      singletons.fallbackHandler,
      zeroAddress,
      0n,
      zeroAddress,
    ],
  })
  const hash = await client.walletClient.writeContract({
    address: singletons.proxyFactory,
    abi: safeProxyFactoryAbi,
    functionName: 'createProxyWithNonce',
    args: [singletons.safe, setup, parameters.saltNonce ?? BigInt(Date.now())],
  })
  const receipt = await client.publicClient.waitForTransactionReceipt({ hash })
  const [created] = parseEventLogs({
    abi: safeProxyFactoryAbi,
    logs: receipt.logs,
    eventName: 'ProxyCreation',
  })
  if (receipt.status !== 'success' || !created)
    throw new VaultChainError('Safe proxy deployment failed', { details: hash })
  const safe = getAddress(created.args.proxy)

  const module = await deployContract(client, {
    abi: sextantGuardModuleAbi,
    bytecode: sextantGuardModuleBytecode,
    args: [safe, [...policy.guardians], BigInt(policy.timelockSeconds)],
  } as never)

  let sessionKey = parameters.sessionKey
  let sessionKeyPrivateKey: Hex | undefined
  if (!sessionKey) {
    sessionKeyPrivateKey = generatePrivateKey()
    sessionKey = privateKeyToAccount(sessionKeyPrivateKey).address
  }
  const now = await nextBlockTime(client)
  const moduleCalls = [
    ...encodePolicy(policy, { safe }),
    encodeAddSessionKey(policy, { key: sessionKey, now: now - 1 }),
    encodeFunctionData({ abi: iSextantGuardModuleAbi, functionName: 'seal' }),
  ]
  const batch = encodeMultiSend([
    {
      to: safe,
      value: 0n,
      data: encodeFunctionData({ abi: safeAbi, functionName: 'enableModule', args: [module] }),
    },
    ...moduleCalls.map((data) => ({ to: module, value: 0n, data })),
  ])
  await execSafeTransaction(client, {
    safe,
    owners: owners.slice(0, threshold),
    to: singletons.multiSendCallOnly,
    data: batch,
    operation: 1,
  })
  return {
    chainId: client.publicClient.chain.id,
    safe,
    module,
    deployBlock: Number(receipt.blockNumber),
    owners: ownerAddresses,
    threshold,
    sessionKey,
    ...(sessionKeyPrivateKey ? { sessionKeyPrivateKey } : {}),
    singletons,
  }
}
