import { type Address, encodeAbiParameters, type Hex, keccak256, toBytes } from 'viem'

/**
 * The anchor contract's id for a log: keccak256(abi.encode(operator, keccak256(origin))). Ids are namespaced by
 * the operator who registered the log, so nobody can squat another operator's origin.
 *
 * @example
 * const logId = logIdOf({ operator: '0xf39F…', origin: 'sextant.local/audit' })
 */
export function logIdOf({ operator, origin }: { operator: Address; origin: string }): Hex {
  return keccak256(
    encodeAbiParameters([{ type: 'address' }, { type: 'bytes32' }], [operator, keccak256(toBytes(origin))]),
  )
}
