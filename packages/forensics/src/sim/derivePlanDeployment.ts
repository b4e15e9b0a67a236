import { uniswapV2PairBytecode } from '@sextant/chain/generated/UniswapV2Pair'
import { type Address, encodePacked, getContractAddress, type Hex, keccak256 } from 'viem'
import { privateKeyToAddress } from 'viem/accounts'
import type { PlanDeployment } from './MarketPlan.ts'

/**
 * The addresses `deployLaunchpad` produces when `operatorKey` deploys from nonce 0: WETH9 (nonce 0),
 * UniswapV2Factory (1), Launchpad (2).
 *
 * @example
 * const { launchpad } = derivePlanDeployment('0x…')
 */
export function derivePlanDeployment(operatorKey: Hex): PlanDeployment {
  const operator = privateKeyToAddress(operatorKey)
  const at = (nonce: bigint) => getContractAddress({ from: operator, nonce })
  return { operator, weth: at(0n), factory: at(1n), launchpad: at(2n) }
}

/**
 * Address of the launchpad's `index`-th token (0-based): the launchpad deploys tokens with CREATE from nonce 1.
 *
 * @example
 * const first = launchedTokenAddress(deployment.launchpad, 0)
 */
export function launchedTokenAddress(launchpad: Address, index: number): Address {
  return getContractAddress({ from: launchpad, nonce: BigInt(index + 1) })
}

/**
 * Uniswap V2 pair address of `token` and `weth` (CREATE2 from the factory, salt = the sorted pair).
 *
 * @example
 * const pair = uniswapPairAddress(deployment.factory, deployment.weth, token)
 */
export function uniswapPairAddress(factory: Address, weth: Address, token: Address): Address {
  const [a, b] = token.toLowerCase() < weth.toLowerCase() ? [token, weth] : [weth, token]
  const salt = keccak256(encodePacked(['address', 'address'], [a, b]))
  return getContractAddress({ opcode: 'CREATE2', from: factory, salt, bytecode: uniswapV2PairBytecode })
}
