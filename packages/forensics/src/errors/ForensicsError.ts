/** Parameters of {@link ForensicsError}. */
export type ForensicsErrorParameters = { details?: string; cause?: unknown }

/**
 * Base error of `@sextant/forensics`: a short message, optional details and the underlying cause.
 * Subclasses name the domain (decoding, ...).
 *
 * @example
 * throw new ForensicsError('unsupported chain', { details: 'chain id 999' })
 */
export class ForensicsError extends Error {
  override name = 'ForensicsError'
  readonly shortMessage: string
  readonly details: string | undefined

  constructor(shortMessage: string, { details, cause }: ForensicsErrorParameters = {}) {
    super(details ? `${shortMessage}\n\nDetails: ${details}` : shortMessage, cause ? { cause } : undefined)
    this.shortMessage = shortMessage
    this.details = details
  }
}

/**
 * Input could not be decoded: malformed JSON, a wrong shape, bad base58/base64, a truncated
 * wire transaction or an out-of-range account index.
 *
 * @example
 * throw new DecodeError('transaction is not valid base64', { details: 'result.transaction[0]' })
 */
export class DecodeError extends ForensicsError {
  override name = 'DecodeError'
}
