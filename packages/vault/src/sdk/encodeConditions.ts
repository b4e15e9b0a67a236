import { type Hex, toHex } from 'viem'
import type { ArgCondition, ConditionOp } from '../policy/Policy.ts'

/** The module's `ParamCondition` struct, as viem encodes and decodes it. */
export type EncodedCondition = { paramIndex: number; op: number; value: Hex }

const opIndex: Record<ConditionOp, number> = { eq: 0, lte: 1, gte: 2, inRecipients: 3 }

/**
 * Encodes a policy's argument conditions as the module's `ParamCondition[]` (what `setTargetFunction` takes and
 * `targetFunction` returns).
 *
 * @example
 * const conditions = encodeConditions([{ index: 0, op: 'lte', value: 10n ** 6n }])
 * // [{ paramIndex: 0, op: 1, value: '0x…0f4240' }]
 */
export function encodeConditions(conditions: readonly ArgCondition[]): EncodedCondition[] {
  return conditions.map((c) => ({
    paramIndex: c.index,
    op: opIndex[c.op],
    value: toHex(c.value, { size: 32 }),
  }))
}
