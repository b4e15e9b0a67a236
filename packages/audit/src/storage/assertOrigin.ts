import { InvalidInputError } from '../errors/AuditError.ts'

/**
 * Throws {@link InvalidInputError} unless `origin` can name a log: a non-empty single line of text
 * (it becomes the first line of the log's C2SP checkpoints).
 *
 * @example
 * assertOrigin('sextant.local/audit')
 */
export function assertOrigin(origin: unknown): string {
  if (typeof origin !== 'string' || origin.length === 0 || /[\n\r]/.test(origin)) {
    throw new InvalidInputError('invalid log origin', {
      details: 'the origin must be a non-empty string without line breaks',
    })
  }
  return origin
}
