import { AuditError, type AuditErrorParameters } from './AuditError.ts'

/** Parameters of {@link HttpError}. */
export type HttpErrorParameters = AuditErrorParameters & {
  /** HTTP status: the one answered, or the one to answer; 0 when no response came. */
  status: number
  /** Stable machine-readable code, as in the JSON error body `{ error: { code, message } }`. */
  code: string
}

/**
 * An HTTP exchange with a log failed: thrown by the log client on a non-2xx answer or a network failure, and by
 * route handlers to answer with a given status and code.
 *
 * @example
 * throw new HttpError('tile beyond the checkpoint', { status: 404, code: 'beyond-tree' })
 */
export class HttpError extends AuditError {
  override name = 'HttpError'
  readonly status: number
  readonly code: string

  constructor(shortMessage: string, { status, code, ...rest }: HttpErrorParameters) {
    super(shortMessage, rest)
    this.status = status
    this.code = code
  }
}
