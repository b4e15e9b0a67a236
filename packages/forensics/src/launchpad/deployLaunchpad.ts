import type { ConnectChainReturnType } from '@sextant/chain/clients/connectChain'
import { deployContract } from '@sextant/chain/deploy/deployContract'
import { launchpadAbi, launchpadBytecode } from '@sextant/chain/generated/Launchpad'
import { uniswapV2FactoryAbi, uniswapV2FactoryBytecode } from '@sextant/chain/generated/UniswapV2Factory'
import { wETH9Abi, wETH9Bytecode } from '@sextant/chain/generated/WETH9'
import { type Address, createWalletClient, custom, getAddress, type Hex, parseEther } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { SimulationError } from '../errors/SimulationError.ts'

/** Parameters of {@link deployLaunchpad}. */
export type DeployLaunchpadParameters = {
  /** Key that deploys (funded by the client's account first); default: the client's own account. */
  operatorKey?: Hex
  /** Trading fee in basis points (default 100, pump.fun's 1%). */
  feeBps?: number
  /** Flat fee, in wei, taken from the coin raised at migration (default 0). */
  migrationFee?: bigint
  /** Where fees go (default: the deployer). */
  feeRecipient?: Address
}

/** Return type of {@link deployLaunchpad}. */
export type DeployLaunchpadReturnType = {
  operator: Address
  weth: Address
  factory: Address
  launchpad: Address
}

type Client = Pick<ConnectChainReturnType, 'publicClient' | 'walletClient'>

/**
 * Deploys the launchpad stack: WETH9, Uniswap V2's factory (npm `@uniswap/v2-core` bytecode) and the Launchpad,
 * in that order (the deployer's nonces 0, 1, 2 on a fresh key), owned by the deployer.
 *
 * @example
 * const chain = await connectChain()
 * const { launchpad, factory, weth } = await deployLaunchpad(chain)
 */
export async function deployLaunchpad(
  client: Client,
  parameters: DeployLaunchpadParameters = {},
): Promise<DeployLaunchpadReturnType> {
  const deployer = parameters.operatorKey ? await operatorClient(client, parameters.operatorKey) : client
  const operator = deployer.walletClient.account.address
  try {
    const weth = await deployContract(deployer, { abi: wETH9Abi, bytecode: wETH9Bytecode })
    const factory = await deployContract(deployer, {
      abi: uniswapV2FactoryAbi,
      bytecode: uniswapV2FactoryBytecode,
      args: [operator],
    })
    const launchpad = await deployContract(deployer, {
      abi: launchpadAbi,
      bytecode: launchpadBytecode,
      args: [factory, weth, operator, parameters.feeRecipient ?? operator, parameters.feeBps ?? 100],
    })
    if (parameters.migrationFee) {
      const hash = await deployer.walletClient.writeContract({
        address: launchpad,
        abi: launchpadAbi,
        functionName: 'setMigrationFee',
        args: [parameters.migrationFee],
      })
      await deployer.publicClient.waitForTransactionReceipt({ hash })
    }
    return {
      operator,
      weth: getAddress(weth),
      factory: getAddress(factory),
      launchpad: getAddress(launchpad),
    }
  } catch (cause) {
    if (cause instanceof SimulationError) throw cause
    throw new SimulationError('launchpad deployment failed', { details: operator, cause })
  }
}

async function operatorClient(client: Client, key: Hex): Promise<Client> {
  const account = privateKeyToAccount(key)
  const walletClient = createWalletClient({
    account,
    chain: client.walletClient.chain,
    transport: custom({ request: client.publicClient.request }),
    pollingInterval: 50,
  })
  const gas = parseEther('1')
  const balance = await client.publicClient.getBalance({ address: account.address })
  if (balance < gas) {
    const hash = await client.walletClient.sendTransaction({ to: account.address, value: gas - balance })
    await client.publicClient.waitForTransactionReceipt({ hash })
  }
  return { publicClient: client.publicClient, walletClient }
}
