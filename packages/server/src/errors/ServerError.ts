/** Parameters of {@link ServerError}. */
export type ServerErrorParameters = { details?: string; cause?: unknown }

/**
 * Base error of `@sextant/server`: a short message, optional details and the underlying cause.
 *
 * @example
 * throw new ServerError('the dashboard is not built', { details: 'packages/web/dist missing' })
 */
export class ServerError extends Error {
  override name = 'ServerError'
  readonly shortMessage: string
  readonly details: string | undefined

  constructor(shortMessage: string, { details, cause }: ServerErrorParameters = {}) {
    super(details ? `${shortMessage}\n\nDetails: ${details}` : shortMessage, cause ? { cause } : undefined)
    this.shortMessage = shortMessage
    this.details = details
  }
}

/**
 * A request the API refuses, answered with `status` and `{ error: { code, message } }`.
 *
 * @example
 * throw new ApiError('no such approval', { status: 404, code: 'not-found' })
 */
export class ApiError extends ServerError {
  override name = 'ApiError'
  readonly status: number
  readonly code: string

  constructor(
    shortMessage: string,
    { status, code, ...rest }: ServerErrorParameters & { status: number; code: string },
  ) {
    super(shortMessage, rest)
    this.status = status
    this.code = code
  }
}
