import { ForensicsError } from './ForensicsError.ts'

/**
 * The event store failed: it cannot be opened, a write was refused, or its input is invalid. Nothing was
 * written when a write fails.
 *
 * @example
 * throw new StoreError('cannot open the event store', { details: 'events.db' })
 */
export class StoreError extends ForensicsError {
  override name = 'StoreError'
}
