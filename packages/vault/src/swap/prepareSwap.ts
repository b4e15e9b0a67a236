import type { Address } from 'viem'
import type { VaultClient } from '../chain/VaultClient.ts'
import { formatAmount } from '../decode/formatAmount.ts'
import { SwapError } from '../errors/VaultError.ts'
import type { TokenInfo } from '../policy/TokenInfo.ts'
import type { Provenance } from '../provenance/Provenance.ts'
import type { PaymentRequest } from '../sdk/PaymentRequest.ts'
import type { Vault } from '../sdk/Vault.ts'
import { encodeSwapBatch } from './encodeSwapBatch.ts'
import { type QuoteSwapReturnType, quoteSwap } from './quoteSwap.ts'

/** Parameters of {@link prepareSwap}. */
export type PrepareSwapParameters = {
  /**
   * The Safe; with `singletons`, the batch targets Safe's MultiSendCallOnly, else the pair (the module unwraps a
   * `multiSend` batch whatever its target and never calls that target).
   */
  vault: Pick<Vault, 'safe'> & Partial<Pick<Vault, 'singletons'>>
  /** A Uniswap V2 pair the vault's policy lists under `swaps`. */
  pair: Address
  tokenIn: Address
  amountIn: bigint
  /** The least output the caller accepts (base units of the output token); default 0. */
  minAmountOut?: bigint
  /**
   * Tolerance for adverse price moves between this quote and execution, in basis points (default 0): the swap
   * asks for `quote × (1 − slippageBps / 10,000)` (never less than `minAmountOut`), so it still succeeds if the
   * price moves against it by up to that much; the rest of the quote is left to the pair.
   */
  slippageBps?: number
  /** Where each value came from (passed through to the pre-flight's provenance gate). */
  provenance?: Provenance
  tokens?: readonly TokenInfo[]
}

/** Return type of {@link prepareSwap}. */
export type PrepareSwapReturnType = {
  /** The batch for `execute` / `propose`: `tokenIn.transfer(pair, amountIn)` + `pair.swap(…, safe, "")`. */
  request: PaymentRequest
  quote: QuoteSwapReturnType
  /** The output the swap asks for: the Safe receives exactly this, or the whole batch reverts. */
  amountOut: bigint
  minAmountOut: bigint
  explanation: string
}

/**
 * Prepares a swap through the vault on a Uniswap V2 pair: quotes from the pair's reserves (0.3% fee), picks the
 * output to ask for (the quote less `slippageBps`, at least `minAmountOut`) and builds the MultiSend batch whose
 * output goes to the Safe itself. Run the request with `execute` (pre-flight, provenance gate, module).
 *
 * Minimum out is exact on-chain: a V2 pair pays out precisely the `amount0Out`/`amount1Out` it is asked for, then
 * reverts (`UniswapV2: K`) unless what it received keeps the 0.3%-fee constant product; the module runs the
 * transfer and the swap in one transaction, so after an adverse move the batch reverts and the input stays in the
 * Safe. The Safe therefore receives exactly `amountOut ≥ minAmountOut` or nothing. Throws `SwapError` when the
 * quote is below `minAmountOut`.
 *
 * @example
 * const { request } = await prepareSwap(client, { vault, pair, tokenIn: weth, amountIn: parseEther('0.1'), minAmountOut: 190n * 10n ** 18n, slippageBps: 50 })
 * await execute(client, { vault, sessionKey, request })
 */
export async function prepareSwap(
  client: Pick<VaultClient, 'publicClient'>,
  parameters: PrepareSwapParameters,
): Promise<PrepareSwapReturnType> {
  const { vault, pair, tokenIn, amountIn, tokens = [] } = parameters
  const minAmountOut = parameters.minAmountOut ?? 0n
  const slippageBps = BigInt(parameters.slippageBps ?? 0)
  if (slippageBps < 0n || slippageBps >= 10_000n)
    throw new SwapError('slippage must be 0 to 9,999 basis points', { details: String(slippageBps) })
  const quote = await quoteSwap(client, { pair, tokenIn, amountIn })
  const fmt = (amount: bigint) => formatAmount(amount, quote.tokenOut, tokens)
  if (quote.amountOut < minAmountOut) {
    throw new SwapError('quote below the minimum out', {
      details: `${fmt(quote.amountOut)} < ${fmt(minAmountOut)} on pair ${pair}`,
    })
  }
  const tolerated = quote.amountOut - (quote.amountOut * slippageBps) / 10_000n
  const amountOut = tolerated > minAmountOut ? tolerated : minAmountOut
  if (amountOut === 0n) throw new SwapError('swap would pay out nothing', { details: `pair ${pair}` })
  const data = encodeSwapBatch({
    pair: quote.pair,
    tokenIn: quote.tokenIn,
    amountIn,
    amount0Out: quote.zeroForOne ? 0n : amountOut,
    amount1Out: quote.zeroForOne ? amountOut : 0n,
    to: vault.safe,
  })
  return {
    request: {
      to: vault.singletons?.multiSendCallOnly ?? quote.pair,
      value: 0n,
      data,
      ...(parameters.provenance ? { provenance: parameters.provenance } : {}),
    },
    quote,
    amountOut,
    minAmountOut,
    explanation: `swap ${formatAmount(amountIn, quote.tokenIn, tokens)} for exactly ${fmt(amountOut)} (quote ${fmt(quote.amountOut)}) on pair ${quote.pair}, output to the Safe`,
  }
}
