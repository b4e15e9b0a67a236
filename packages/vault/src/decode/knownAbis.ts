import { parseAbi } from 'viem'

/**
 * ERC-20 functions that move or authorise moving tokens: `transfer`, `transferFrom`, `approve`,
 * `increaseAllowance` and EIP-2612 `permit`.
 *
 * @example
 * decodeFunctionData({ abi: erc20SpendAbi, data })
 */
export const erc20SpendAbi = parseAbi([
  'function transfer(address to, uint256 amount) returns (bool)',
  'function transferFrom(address from, address to, uint256 amount) returns (bool)',
  'function approve(address spender, uint256 amount) returns (bool)',
  'function increaseAllowance(address spender, uint256 addedValue) returns (bool)',
  'function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s)',
])

/**
 * Uniswap Permit2's allowance-transfer functions (`approve`, single `permit`, single `transferFrom`).
 *
 * @example
 * decodeFunctionData({ abi: permit2Abi, data })
 */
export const permit2Abi = parseAbi([
  'function approve(address token, address spender, uint160 amount, uint48 expiration)',
  'struct PermitDetails { address token; uint160 amount; uint48 expiration; uint48 nonce; }',
  'struct PermitSingle { PermitDetails details; address spender; uint256 sigDeadline; }',
  'function permit(address owner, PermitSingle permitSingle, bytes signature)',
  'function transferFrom(address from, address to, uint160 amount, address token)',
])

/**
 * Safe's MultiSend / MultiSendCallOnly entry point: packed `(operation, to, value, dataLength, data)` records.
 *
 * @example
 * decodeFunctionData({ abi: multiSendAbi, data })
 */
export const multiSendAbi = parseAbi(['function multiSend(bytes transactions) payable'])

/**
 * The parts of a Uniswap V2 pair (`@uniswap/v2-core`) a swap through the vault uses: its tokens, reserves and
 * `swap` (output sent to `to` before the constant-product check on what the pair received).
 *
 * @example
 * decodeFunctionData({ abi: uniswapV2PairAbi, data })
 */
export const uniswapV2PairAbi = parseAbi([
  'function token0() view returns (address)',
  'function token1() view returns (address)',
  'function getReserves() view returns (uint112 reserve0, uint112 reserve1, uint32 blockTimestampLast)',
  'function swap(uint256 amount0Out, uint256 amount1Out, address to, bytes data)',
])

/** Selector of Uniswap V2's `swap(uint256,uint256,address,bytes)`. */
export const uniswapV2SwapSelector = '0x022c0d9f' as const
