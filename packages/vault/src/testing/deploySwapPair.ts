import type { ConnectChainReturnType } from '@sextant/chain/clients/connectChain'
import { deployContract } from '@sextant/chain/deploy/deployContract'
import { uniswapV2FactoryAbi, uniswapV2FactoryBytecode } from '@sextant/chain/generated/UniswapV2Factory'
import { uniswapV2PairAbi } from '@sextant/chain/generated/UniswapV2Pair'
import { vaultTokenAbi, vaultTokenBytecode } from '@sextant/chain/generated/VaultToken'
import { wETH9Abi } from '@sextant/chain/generated/WETH9'
import { type Address, getAddress, type Hash } from 'viem'

/** Return type of {@link deploySwapPair}. */
export type SwapPairDeployment = { factory: Address; pair: Address; token: Address }

/**
 * Test fixture: Uniswap V2's factory (the `@uniswap/v2-core` bytecode, as the launchpad deploys it), a mintable
 * ERC-20 `VT`, and the WETH/VT pair seeded by the client's account with `wethLiquidity` WETH and
 * `tokenLiquidity` VT (defaults 100 WETH : 200,000 VT, 18 decimals each).
 *
 * @example
 * const { pair, token } = await deploySwapPair(chain, { weth })
 */
export async function deploySwapPair(
  client: Pick<ConnectChainReturnType, 'publicClient' | 'walletClient'>,
  parameters: { weth: Address; wethLiquidity?: bigint; tokenLiquidity?: bigint },
): Promise<SwapPairDeployment> {
  const { weth, wethLiquidity = 100n * 10n ** 18n, tokenLiquidity = 200_000n * 10n ** 18n } = parameters
  const owner = client.walletClient.account.address
  const mined = async (hash: Promise<Hash>) =>
    client.publicClient.waitForTransactionReceipt({ hash: await hash })
  const factory = await deployContract(client, {
    abi: uniswapV2FactoryAbi,
    bytecode: uniswapV2FactoryBytecode,
    args: [owner],
  })
  const token = await deployContract(client, {
    abi: vaultTokenAbi,
    bytecode: vaultTokenBytecode,
    args: ['VT'],
  })
  await mined(
    client.walletClient.writeContract({
      address: factory,
      abi: uniswapV2FactoryAbi,
      functionName: 'createPair',
      args: [weth, token],
    }),
  )
  const pair = await client.publicClient.readContract({
    address: factory,
    abi: uniswapV2FactoryAbi,
    functionName: 'getPair',
    args: [weth, token],
  })
  await mined(
    client.walletClient.writeContract({
      address: weth,
      abi: wETH9Abi,
      functionName: 'deposit',
      value: wethLiquidity,
    }),
  )
  await mined(
    client.walletClient.writeContract({
      address: weth,
      abi: wETH9Abi,
      functionName: 'transfer',
      args: [pair, wethLiquidity],
    }),
  )
  await mined(
    client.walletClient.writeContract({
      address: token,
      abi: vaultTokenAbi,
      functionName: 'mint',
      args: [pair, tokenLiquidity],
    }),
  )
  await mined(
    client.walletClient.writeContract({
      address: pair,
      abi: uniswapV2PairAbi,
      functionName: 'mint',
      args: [owner],
    }),
  )
  return { factory: getAddress(factory), pair: getAddress(pair), token: getAddress(token) }
}
