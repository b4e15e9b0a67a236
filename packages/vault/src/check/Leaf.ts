import type { Address, Hex } from 'viem'

/**
 * One leaf call after batches are unwrapped: what the module runs from the Safe (always a CALL).
 *
 * @example
 * const leaf: Leaf = { to: usdc, value: 0n, data: '0xa9059cbb…' }
 */
export type Leaf = { to: Address; value: bigint; data: Hex }

/**
 * A policy failure named as the module names it: the `Vault__` error (without prefix) and its arguments.
 *
 * @example
 * const failure: PolicyFailure = { rule: 'PerTxCapExceeded', args: [usdc, 200n, 100n] }
 */
export type PolicyFailure = { rule: string; args: readonly unknown[] }

/** Thrown inside the checker to stop at the first failure, as the contract's revert does. */
export class PolicyRevert {
  constructor(readonly failure: PolicyFailure) {}
}

/**
 * Stops the check with the module's error `rule` and its arguments.
 *
 * @example
 * fail('SelfCallDenied', to)
 */
export function fail(rule: string, ...args: unknown[]): never {
  throw new PolicyRevert({ rule, args })
}
