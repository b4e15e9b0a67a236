import type { Address, Hex } from 'viem'

/**
 * What a call does to value: the token (`0x0…0` for the native coin), how much, to whom, and why it counts.
 * `approval` spends are allowances granted (approve, increaseAllowance, permit, Permit2) and count as spending.
 *
 * @example
 * const spend: Spend = { token: usdc, amount: 100_000_000n, counterparty: bob, kind: 'transfer' }
 */
export type Spend = {
  token: Address
  amount: bigint
  /** The recipient (transfers) or the spender (approvals). */
  counterparty: Address
  kind: 'native' | 'transfer' | 'approval'
}

/** The kinds of call {@link decodeCall} recognises. */
export type DecodedCallKind =
  | 'native-transfer'
  | 'erc20-transfer'
  | 'erc20-transferFrom'
  | 'erc20-approve'
  | 'erc20-increaseAllowance'
  | 'erc20-permit'
  | 'permit2-approve'
  | 'permit2-permit'
  | 'permit2-transferFrom'
  | 'uniswap-v2-swap'
  | 'multisend'
  | 'unknown'

/** What the decoder knows about a Uniswap V2 pair (read from the chain by the pre-flight). */
export type PairInfo = { token0: Address; token1: Address; reserve0: bigint; reserve1: bigint }

/**
 * A swap through the vault read from a `transfer(pair, amountIn)` + `pair.swap(…)` batch: what goes in, what
 * comes out (exactly `amountOut`, the minimum out: the pair pays that or the batch reverts), to whom, and what
 * the pair's reserves would pay for `amountIn` now.
 *
 * @example
 * const s: SwapSummary = { pair, tokenIn: weth, amountIn: 10n ** 17n, tokenOut: vt, amountOut: 197n * 10n ** 18n, quotedOut: 198n * 10n ** 18n, recipient: safe, toSafe: true }
 */
export type SwapSummary = {
  pair: Address
  tokenIn: Address
  amountIn: bigint
  tokenOut: Address
  amountOut: bigint
  /** What `amountIn` buys at the pair's current reserves (0.3% fee). */
  quotedOut: bigint
  recipient: Address
  /** Whether the output goes to the Safe itself. */
  toSafe: boolean
}

/**
 * One decoded call: its target, value, selector, named arguments, the spends it implies, a sentence saying
 * what it does, and (for MultiSend) the inner calls, unwrapped recursively.
 *
 * @example
 * const call = decodeCall({ to: usdc, value: 0n, data })
 * call.explanation // 'transfer 100 USDC to 0x70997970…'
 */
export type DecodedCall = {
  kind: DecodedCallKind
  to: Address
  value: bigint
  data: Hex
  /** First four bytes of the calldata (`0x` for a plain transfer). */
  selector: Hex
  functionName?: string
  args: Record<string, unknown>
  spends: Spend[]
  explanation: string
  /** 0 = CALL, 1 = DELEGATECALL (only inside MultiSend). */
  operation: 0 | 1
  calls?: DecodedCall[]
  /** For a transfer + Uniswap V2 swap batch on a pair the decoder knows: the swap, summarised. */
  swap?: SwapSummary
  /** Why the call cannot be judged (unknown selector, delegatecall, malformed batch, self-call). */
  problem?: string
}
