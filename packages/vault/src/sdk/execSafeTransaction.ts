import { safeAbi } from '@sextant/chain/generated/Safe'
import { type Account, type Address, concat, type Hash, type Hex, zeroAddress } from 'viem'
import type { VaultClient } from '../chain/VaultClient.ts'
import { VaultChainError } from '../errors/VaultError.ts'

/** Parameters of {@link execSafeTransaction}. */
export type ExecSafeTransactionParameters = {
  safe: Address
  /** Owners who sign (at least the Safe's threshold of them). */
  owners: readonly Account[]
  to: Address
  value?: bigint
  data: Hex
  /** 0 = CALL, 1 = DELEGATECALL (MultiSendCallOnly batches). */
  operation?: 0 | 1
}

/**
 * Runs a Safe transaction signed by the owners (EIP-712 `SafeTx` signatures, sorted by owner) and waits for
 * it; throws `VaultChainError` when it reverts or the Safe reports failure.
 *
 * @example
 * await execSafeTransaction(client, { safe, owners: [alice], to: module, data: encodeFunctionData({ abi, functionName: 'pause' }) })
 */
export async function execSafeTransaction(
  client: VaultClient,
  parameters: ExecSafeTransactionParameters,
): Promise<Hash> {
  const { safe, owners, to, data } = parameters
  const value = parameters.value ?? 0n
  const operation = parameters.operation ?? 0
  const nonce = await client.publicClient.readContract({ address: safe, abi: safeAbi, functionName: 'nonce' })
  const chainId = client.publicClient.chain.id
  const message = {
    to,
    value,
    data,
    operation,
    safeTxGas: 0n,
    baseGas: 0n,
    gasPrice: 0n,
    gasToken: zeroAddress,
    refundReceiver: zeroAddress,
    nonce,
  }
  const signed = await Promise.all(
    [...owners]
      .sort((a, b) => (BigInt(a.address) < BigInt(b.address) ? -1 : 1))
      .map((owner) =>
        owner.signTypedData!({
          domain: { chainId, verifyingContract: safe },
          types: {
            SafeTx: [
              { name: 'to', type: 'address' },
              { name: 'value', type: 'uint256' },
              { name: 'data', type: 'bytes' },
              { name: 'operation', type: 'uint8' },
              { name: 'safeTxGas', type: 'uint256' },
              { name: 'baseGas', type: 'uint256' },
              { name: 'gasPrice', type: 'uint256' },
              { name: 'gasToken', type: 'address' },
              { name: 'refundReceiver', type: 'address' },
              { name: 'nonce', type: 'uint256' },
            ],
          },
          primaryType: 'SafeTx',
          message,
        }),
      ),
  )
  try {
    const hash = await client.walletClient.writeContract({
      address: safe,
      abi: safeAbi,
      functionName: 'execTransaction',
      args: [to, value, data, operation, 0n, 0n, 0n, zeroAddress, zeroAddress, concat(signed)],
    })
    const receipt = await client.publicClient.waitForTransactionReceipt({ hash })
    if (receipt.status !== 'success')
      throw new VaultChainError('Safe transaction reverted', { details: hash })
    const failed = receipt.logs.some((log) => log.topics[0] === executionFailureTopic)
    if (failed) throw new VaultChainError('Safe transaction failed inside the Safe', { details: hash })
    return hash
  } catch (cause) {
    if (cause instanceof VaultChainError) throw cause
    throw new VaultChainError('Safe transaction failed', {
      details: (cause as { shortMessage?: string }).shortMessage ?? String(cause),
      cause,
    })
  }
}

/** keccak256("ExecutionFailure(bytes32,uint256)"). */
const executionFailureTopic = '0x23428b18acfb3ea64b08dc0c1d296ea9c09702c09083ca5272e64d115b687d23'
