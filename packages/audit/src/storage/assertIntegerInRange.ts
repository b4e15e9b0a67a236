import { InvalidInputError } from '../errors/AuditError.ts'

/** Parameters of {@link assertIntegerInRange}. */
export type AssertIntegerInRangeParameters = {
  /** What the value is, for the error message (`index`, `start`, `checkpoint size`). */
  name: string
  value: unknown
  /** Smallest accepted value. */
  min: number
  /** Largest accepted value (inclusive); below `min` rejects everything. */
  max: number
}

/**
 * Throws {@link InvalidInputError} unless `value` is a safe integer in [min, max].
 *
 * @example
 * assertIntegerInRange({ name: 'index', value: 7, min: 0, max: size - 1 })
 */
export function assertIntegerInRange({ name, value, min, max }: AssertIntegerInRangeParameters): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new InvalidInputError(`${name} is not an integer`, { details: `${name} ${String(value)}` })
  }
  if (value < min || value > max) {
    const bounds = max < min ? 'no valid value' : `valid: ${min}..${max}`
    throw new InvalidInputError(`${name} out of range`, { details: `${name} ${value}, ${bounds}` })
  }
  return value
}
