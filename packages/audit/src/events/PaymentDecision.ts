/**
 * Outcome of a wallet-guard payment decision: paid without asking, held for human approval, or refused.
 *
 * @example
 * const decision: PaymentDecision = 'approval'
 */
export type PaymentDecision = 'allow' | 'approval' | 'deny'
