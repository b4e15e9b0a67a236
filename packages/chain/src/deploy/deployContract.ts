import type { Abi, Address, ContractConstructorArgs, Hex } from 'viem'
import type { ConnectChainReturnType } from '../clients/connectChain.ts'
import { ChainError } from '../errors/ChainError.ts'

/** Parameters of {@link deployContract}: a generated artifact and its constructor arguments. */
export type DeployContractParameters<abi extends Abi> = {
  abi: abi
  bytecode: Hex
  args?: ContractConstructorArgs<abi>
}

/**
 * Deploys a contract from its generated artifact and waits for the receipt.
 *
 * @example
 * import { checkpointAnchorAbi, checkpointAnchorBytecode } from '@sextant/chain/generated/CheckpointAnchor'
 * const address = await deployContract(chain, { abi: checkpointAnchorAbi, bytecode: checkpointAnchorBytecode })
 */
export async function deployContract<const abi extends Abi>(
  client: Pick<ConnectChainReturnType, 'publicClient' | 'walletClient'>,
  { abi, bytecode, args }: DeployContractParameters<abi>,
): Promise<Address> {
  // viem's deployContract typing needs the args property only when the constructor has inputs.
  const hash = await client.walletClient.deployContract({ abi, bytecode, args } as never)
  const receipt = await client.publicClient.waitForTransactionReceipt({ hash })
  if (receipt.status !== 'success' || !receipt.contractAddress) {
    throw new ChainError('deployment reverted', { details: hash })
  }
  return receipt.contractAddress
}
