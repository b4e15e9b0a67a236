import { InvalidInputError } from '../errors/AuditError.ts'

/**
 * The add-checkpoint request does not match the witness's record of the log (HTTP 409 in c2sp.org/tlog-witness):
 * the old size is not the recorded size, or the checkpoint has the recorded size but another root. The HTTP
 * response body is `${recordedSize}\n` with content type `text/x.tlog.size`. Nothing was recorded or signed.
 *
 * @example
 * if (error instanceof WitnessConflictError) return new Response(`${error.recordedSize}\n`, { status: 409 })
 */
export class WitnessConflictError extends InvalidInputError {
  override name = 'WitnessConflictError'
  /** Size of the latest checkpoint the witness cosigned for the origin (0 if none). */
  readonly recordedSize: number

  constructor(shortMessage: string, { recordedSize, details }: { recordedSize: number; details?: string }) {
    super(shortMessage, details === undefined ? {} : { details })
    this.recordedSize = recordedSize
  }
}
