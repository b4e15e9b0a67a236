import type { Address } from 'viem'

/**
 * A token the policy names: its symbol, address (`0x000…0` for the native coin) and decimals.
 *
 * @example
 * const usdc: TokenInfo = { symbol: 'USDC', address: '0xA0b8…', decimals: 6 }
 */
export type TokenInfo = { symbol: string; address: Address; decimals: number }

/** The zero address: how policies and the contract name the chain's native coin. */
export const NATIVE_TOKEN: Address = '0x0000000000000000000000000000000000000000'
