import { AuditError } from '../errors/AuditError.ts'

/**
 * The chain refused or could not take an anchor (unknown log, not a submitter, inconsistent history…).
 * `reason` carries the contract's custom error name when the chain gave one.
 *
 * @example
 * throw new AnchorError('anchor rejected', { details: 'Anchor_InconsistentProof(5, 9)' })
 */
export class AnchorError extends AuditError {
  override name = 'AnchorError'
}
