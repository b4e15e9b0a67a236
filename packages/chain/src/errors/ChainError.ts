/** Parameters of {@link ChainError}. */
export type ChainErrorParameters = { details?: string; cause?: unknown }

/**
 * Base error of `@sextant/chain`: a short message, optional details and the underlying cause.
 *
 * @example
 * throw new ChainError('anvil did not start', { details: 'port 8545 busy' })
 */
export class ChainError extends Error {
  override name = 'ChainError'
  readonly shortMessage: string
  readonly details: string | undefined

  constructor(shortMessage: string, { details, cause }: ChainErrorParameters = {}) {
    super(details ? `${shortMessage}\n\nDetails: ${details}` : shortMessage, cause ? { cause } : undefined)
    this.shortMessage = shortMessage
    this.details = details
  }
}
