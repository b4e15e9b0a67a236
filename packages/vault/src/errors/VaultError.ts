/** Parameters of {@link VaultError}. */
export type VaultErrorParameters = { details?: string; cause?: unknown }

/**
 * Base error of `@sextant/vault`: a short message, optional details and the underlying cause.
 * Subclasses name the domain (policy file, calldata, approvals, provenance, chain).
 *
 * @example
 * throw new VaultError('vault not found', { details: '0x…' })
 */
export class VaultError extends Error {
  override name = 'VaultError'
  readonly shortMessage: string
  readonly details: string | undefined

  constructor(shortMessage: string, { details, cause }: VaultErrorParameters = {}) {
    super(details ? `${shortMessage}\n\nDetails: ${details}` : shortMessage, cause ? { cause } : undefined)
    this.shortMessage = shortMessage
    this.details = details
  }
}

/**
 * A policy file (or one of its values: amount, duration, token) was malformed; `details` names the field path.
 *
 * @example
 * throw new PolicyError('invalid policy', { details: 'rules[0].perTx: unknown token "USDT"' })
 */
export class PolicyError extends VaultError {
  override name = 'PolicyError'
}

/**
 * An approval request was unknown, expired, already decided, or signed by a key that is not an owner.
 *
 * @example
 * throw new ApprovalError('approval expired', { details: 'request 3' })
 */
export class ApprovalError extends VaultError {
  override name = 'ApprovalError'
}

/**
 * A request was refused before reaching the chain (pre-flight deny, provenance gate, bad signature).
 *
 * @example
 * throw new RequestRefusedError('denied by policy', { details: 'rule perTxCap' })
 */
export class RequestRefusedError extends VaultError {
  override name = 'RequestRefusedError'
}

/**
 * The chain call failed: a deployment or transaction reverted or the node could not be reached.
 *
 * @example
 * throw new VaultChainError('module deployment reverted', { details: '0x…' })
 */
export class VaultChainError extends VaultError {
  override name = 'VaultChainError'
}

/**
 * A swap could not be prepared: the token is not in the pair, the pair has no liquidity, or the quote is below
 * the minimum the caller accepts.
 *
 * @example
 * throw new SwapError('quote below the minimum out', { details: '0.98 WETH < 0.99 WETH' })
 */
export class SwapError extends VaultError {
  override name = 'SwapError'
}
