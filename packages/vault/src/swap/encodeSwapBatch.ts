import { type Address, encodeFunctionData, erc20Abi, type Hex } from 'viem'
import { encodeMultiSend } from '../decode/encodeMultiSend.ts'
import { uniswapV2PairAbi } from '../decode/knownAbis.ts'

/** Parameters of {@link encodeSwapBatch}. */
export type EncodeSwapBatchParameters = {
  pair: Address
  tokenIn: Address
  amountIn: bigint
  amount0Out: bigint
  amount1Out: bigint
  /** Who receives the output; the vault's policy only accepts the Safe itself. */
  to: Address
}

/**
 * Encodes a direct Uniswap V2 swap as one MultiSend batch (for the guard module's `execute`): `tokenIn.transfer(pair,
 * amountIn)` then `pair.swap(amount0Out, amount1Out, to, "")`. The module runs both in one transaction, so the
 * input is paid only if the pair pays out exactly the requested output.
 *
 * @example
 * const data = encodeSwapBatch({ pair, tokenIn: weth, amountIn, amount0Out: 0n, amount1Out: out, to: safe })
 */
export function encodeSwapBatch(parameters: EncodeSwapBatchParameters): Hex {
  const { pair, tokenIn, amountIn, amount0Out, amount1Out, to } = parameters
  return encodeMultiSend([
    {
      to: tokenIn,
      value: 0n,
      data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [pair, amountIn] }),
    },
    {
      to: pair,
      value: 0n,
      data: encodeFunctionData({
        abi: uniswapV2PairAbi,
        functionName: 'swap',
        args: [amount0Out, amount1Out, to, '0x'],
      }),
    },
  ])
}
