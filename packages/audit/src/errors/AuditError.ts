/** Parameters of {@link AuditError}. */
export type AuditErrorParameters = { details?: string; cause?: unknown }

/**
 * Base error of `@sextant/audit`: a short message, optional details and the underlying cause.
 * Subclasses name the domain (proofs, notes, storage, input).
 *
 * @example
 * throw new AuditError('log is empty', { details: 'origin example.com/log' })
 */
export class AuditError extends Error {
  override name = 'AuditError'
  readonly shortMessage: string
  readonly details: string | undefined

  constructor(shortMessage: string, { details, cause }: AuditErrorParameters = {}) {
    super(details ? `${shortMessage}\n\nDetails: ${details}` : shortMessage, cause ? { cause } : undefined)
    this.shortMessage = shortMessage
    this.details = details
  }
}

/**
 * A proof, root or hash failed verification, or was malformed.
 *
 * @example
 * throw new ProofError('root mismatch')
 */
export class ProofError extends AuditError {
  override name = 'ProofError'
}

/**
 * Input rejected before anything was written: malformed entries, oversize payloads, bad indexes.
 *
 * @example
 * throw new InvalidInputError('index out of range', { details: 'index 10 >= size 4' })
 */
export class InvalidInputError extends AuditError {
  override name = 'InvalidInputError'
}

/**
 * A signed note, checkpoint or signature was malformed or did not verify.
 *
 * @example
 * throw new NoteError('no known signature')
 */
export class NoteError extends AuditError {
  override name = 'NoteError'
}

/**
 * The storage backend failed or holds data inconsistent with the log.
 *
 * @example
 * throw new StorageError('hash missing', { details: 'storage index 17' })
 */
export class StorageError extends AuditError {
  override name = 'StorageError'
}

/**
 * A sealed AI event, disclosure or secret failed verification: a disclosure whose digest the entry does not
 * commit to, a duplicate disclosure, or a secret that does not open for the entry.
 *
 * @example
 * throw new DisclosureError('disclosure not committed in entry', { details: 'digest 3Hq...' })
 */
export class DisclosureError extends AuditError {
  override name = 'DisclosureError'
}

/**
 * A span or event could not be turned into an audit record or handed to the record sink.
 *
 * @example
 * throw new RecordError('2 spans could not be recorded', { cause: firstError })
 */
export class RecordError extends AuditError {
  override name = 'RecordError'
}
