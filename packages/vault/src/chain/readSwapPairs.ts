import { type Address, getAddress, type Hex, size, slice } from 'viem'
import { type Leaf, PolicyRevert } from '../check/Leaf.ts'
import { unwrapCalls } from '../check/unwrapCalls.ts'
import type { PairInfo } from '../decode/DecodedCall.ts'
import { uniswapV2PairAbi, uniswapV2SwapSelector } from '../decode/knownAbis.ts'
import type { VaultClient } from './VaultClient.ts'

/** Parameters of {@link readSwapPairs}. */
export type ReadSwapPairsParameters = {
  safe: Address
  module: Address
  to: Address
  value: bigint
  data: Hex
}

/**
 * Reads the tokens and reserves of every contract a call (unwrapped as the module does) asks to `swap`, for the
 * pre-flight's explanation. Targets that do not answer as a Uniswap V2 pair are left out; a call without a
 * `swap` reads nothing.
 *
 * @example
 * const pairs = await readSwapPairs(client, { safe, module, to, value: 0n, data })
 * pairs[pair.toLowerCase()] // { token0, token1, reserve0, reserve1 }
 */
export async function readSwapPairs(
  client: Pick<VaultClient, 'publicClient'>,
  parameters: ReadSwapPairsParameters,
): Promise<Record<string, PairInfo>> {
  const leaves: Leaf[] = []
  try {
    unwrapCalls({ ...parameters, leaves })
  } catch (error) {
    if (!(error instanceof PolicyRevert)) throw error
  }
  const targets = new Set(
    leaves
      .filter((leaf) => size(leaf.data) >= 4 && slice(leaf.data, 0, 4) === uniswapV2SwapSelector)
      .map((leaf) => leaf.to.toLowerCase() as Address),
  )
  const pairs: Record<string, PairInfo> = {}
  await Promise.all(
    [...targets].map(async (pair) => {
      const read = <F extends 'token0' | 'token1' | 'getReserves'>(functionName: F) =>
        client.publicClient.readContract({ address: getAddress(pair), abi: uniswapV2PairAbi, functionName })
      try {
        const [token0, token1, [reserve0, reserve1]] = await Promise.all([
          read('token0'),
          read('token1'),
          read('getReserves'),
        ])
        pairs[pair] = { token0, token1, reserve0, reserve1 }
      } catch {
        // not a Uniswap V2 pair: explained from the calldata alone
      }
    }),
  )
  return pairs
}
