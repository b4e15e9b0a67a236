import type { NormalizedInstruction } from './NormalizedTransaction.ts'
import { EVENT_CPI_TAG, PUMPFUN_PROGRAM_ID } from './pumpfunLayouts.ts'

/**
 * Whether an instruction is pump.fun's Anchor self-CPI carrying an event: program pump.fun and data
 * starting with the 8-byte event tag, followed by the event's discriminator and payload.
 *
 * @example
 * const events = tx.instructions.filter(isSelfCpiEvent).map((ix) => ix.data!.subarray(8))
 */
export function isSelfCpiEvent(ix: NormalizedInstruction): boolean {
  const { data } = ix
  if (ix.programId !== PUMPFUN_PROGRAM_ID || data === undefined || data.length < 16) return false
  return EVENT_CPI_TAG.every((byte, i) => data[i] === byte)
}
