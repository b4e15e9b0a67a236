/** Parameters of {@link AgentError}. */
export type AgentErrorParameters = { details?: string; cause?: unknown }

/**
 * Base error of `@sextant/agent`: a short message, optional details and the underlying cause.
 * Subclasses name the domain (model, tool, budget, config, GGUF).
 *
 * @example
 * throw new AgentError('session not found', { details: 'session s-1' })
 */
export class AgentError extends Error {
  override name = 'AgentError'
  readonly shortMessage: string
  readonly details: string | undefined

  constructor(shortMessage: string, { details, cause }: AgentErrorParameters = {}) {
    super(details ? `${shortMessage}\n\nDetails: ${details}` : shortMessage, cause ? { cause } : undefined)
    this.shortMessage = shortMessage
    this.details = details
  }
}

/**
 * A model endpoint or local model failed: HTTP error, malformed response, load failure.
 *
 * @example
 * throw new ModelError('model endpoint answered 500', { details: 'http://127.0.0.1:8080/v1' })
 */
export class ModelError extends AgentError {
  override name = 'ModelError'
}

/**
 * A tool definition or tool call was invalid: unknown tool, bad arguments, untrusted description.
 *
 * @example
 * throw new ToolError('unknown tool', { details: 'web.fetch' })
 */
export class ToolError extends AgentError {
  override name = 'ToolError'
}

/**
 * A step, token or time budget ran out, or the run was cancelled.
 *
 * @example
 * throw new BudgetError('step budget exhausted', { details: 'max 8 steps' })
 */
export class BudgetError extends AgentError {
  override name = 'BudgetError'
}

/**
 * An agent configuration file or option was invalid.
 *
 * @example
 * throw new ConfigError('unknown tool in config', { details: 'tools[2]: web.crawl' })
 */
export class ConfigError extends AgentError {
  override name = 'ConfigError'
}

/**
 * A GGUF file could not be written: bad shape, unsupported tensor type, inconsistent metadata.
 *
 * @example
 * throw new GgufError('row length is not a multiple of the block size', { details: 'Q4_0, 31 columns' })
 */
export class GgufError extends AgentError {
  override name = 'GgufError'
}

/**
 * A replayed session does not match what its audit log recorded.
 *
 * @example
 * throw new ReplayError('tool call without a recorded result', { details: 'call_2' })
 */
export class ReplayError extends AgentError {
  override name = 'ReplayError'
}
