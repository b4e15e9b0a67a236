import { ForensicsError } from './ForensicsError.ts'

/**
 * Ingestion could not proceed: the node is unreachable, a block is missing (a gap), or the chain changed while a
 * range was fetched. The cursor has not moved past the data in question.
 *
 * @example
 * throw new IngestError('block missing from the node', { details: 'block 1042' })
 */
export class IngestError extends ForensicsError {
  override name = 'IngestError'
}
