/** Parameters of {@link CliError}. */
export type CliErrorParameters = { details?: string; cause?: unknown }

/**
 * Base error of the CLI: a usage or environment problem, printed as its short message and details.
 *
 * @example
 * throw new CliError('no signing key for this log', { details: 'run: sextant audit init' })
 */
export class CliError extends Error {
  override name = 'CliError'
  readonly shortMessage: string
  readonly details: string | undefined

  constructor(shortMessage: string, { details, cause }: CliErrorParameters = {}) {
    super(details ? `${shortMessage}\n\nDetails: ${details}` : shortMessage, cause ? { cause } : undefined)
    this.shortMessage = shortMessage
    this.details = details
  }
}
