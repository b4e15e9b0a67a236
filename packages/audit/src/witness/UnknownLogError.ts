import { InvalidInputError } from '../errors/AuditError.ts'

/**
 * The witness is not configured for the checkpoint's origin (HTTP 404 in c2sp.org/tlog-witness).
 *
 * @example
 * if (error instanceof UnknownLogError) return new Response('unknown log', { status: 404 })
 */
export class UnknownLogError extends InvalidInputError {
  override name = 'UnknownLogError'
}
