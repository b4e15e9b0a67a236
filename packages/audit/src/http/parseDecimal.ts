import { HttpError } from '../errors/HttpError.ts'

/**
 * Parses a non-negative decimal integer from a path element or query parameter (`0` or digits without a
 * leading zero, at most 2^53 − 1); anything else throws {@link HttpError} 400 `invalid-parameter`.
 *
 * @example
 * const index = parseDecimal(c.req.query('index'), 'index')
 */
export function parseDecimal(value: string | undefined, name: string): number {
  const parsed = value !== undefined && /^(0|[1-9][0-9]{0,15})$/.test(value) ? Number(value) : Number.NaN
  if (!Number.isSafeInteger(parsed)) {
    throw new HttpError(`invalid ${name}`, {
      status: 400,
      code: 'invalid-parameter',
      details: `${name} must be a non-negative decimal integer, got ${JSON.stringify(value ?? null)}`,
    })
  }
  return parsed
}
