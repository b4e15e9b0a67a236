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
