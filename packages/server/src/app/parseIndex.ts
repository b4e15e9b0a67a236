import { ApiError } from '../errors/ServerError.ts'

/**
 * Parses a non-negative decimal integer from a path or query parameter; 400 `invalid-parameter` otherwise.
 *
 * @example
 * const index = parseIndex(c.req.param('index'), 'index')
 */
export function parseIndex(value: string | undefined, name: string, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback
  if (value === undefined || !/^(0|[1-9][0-9]{0,15})$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new ApiError(`invalid ${name}`, { status: 400, code: 'invalid-parameter', details: String(value) })
  }
  return Number(value)
}
