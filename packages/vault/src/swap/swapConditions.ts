import { type Address, hexToBigInt } from 'viem'
import type { ArgCondition } from '../policy/Policy.ts'

/**
 * The argument conditions the module checks on an allowlisted Uniswap V2 `swap(amount0Out, amount1Out, to, data)`:
 * word 2 (`to`) equals the Safe, so the output can only come back to the Safe; word 3 (the offset of `data`) is
 * 0x80 and word 4 (its length) is 0, so `data` is empty and the pair makes no flash-swap callback.
 *
 * @example
 * swapConditions(safe) // [{ index: 2, op: 'eq', value: BigInt(safe) }, { index: 3, op: 'eq', value: 128n }, { index: 4, op: 'eq', value: 0n }]
 */
export function swapConditions(safe: Address): ArgCondition[] {
  return [
    { index: 2, op: 'eq', value: hexToBigInt(safe) },
    { index: 3, op: 'eq', value: 0x80n },
    { index: 4, op: 'eq', value: 0n },
  ]
}
