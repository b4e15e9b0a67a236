import { AuditError, StorageError } from '../errors/AuditError.ts'

/**
 * Passes an {@link AuditError} through and wraps anything else (a driver error) in a {@link StorageError}.
 *
 * @example
 * try { statement.run() } catch (error) { throw asStorageError(error, 'append failed') }
 */
export function asStorageError(error: unknown, shortMessage: string): AuditError {
  if (error instanceof AuditError) return error
  const details = error instanceof Error ? error.message : String(error)
  return new StorageError(shortMessage, { details, cause: error })
}
