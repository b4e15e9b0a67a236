import { StoreError } from '../errors/StoreError.ts'
import type { MarketEvent } from '../model/MarketEvent.ts'
import type { CommitParameters } from './EventStore.ts'

const kinds = new Set<MarketEvent['kind']>([
  'launch',
  'trade',
  'transfer',
  'funding',
  'complete',
  'liquidity',
])
const isCount = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0

/**
 * Refuses a commit that would store nonsense (before anything is written): an unknown kind, a location that is
 * not a chain position, a cursor or block without a hash.
 *
 * @example
 * validateCommit({ blocks, events, cursor })
 */
export function validateCommit({ blocks, events, cursor }: CommitParameters): void {
  for (const e of events) {
    const where = `${e?.tx}/${e?.logIndex}`
    if (!e || !kinds.has(e.kind))
      throw new StoreError('unknown event kind', { details: `${String(e?.kind)} at ${where}` })
    if (typeof e.chain !== 'string' || !e.chain || typeof e.tx !== 'string' || !e.tx) {
      throw new StoreError('event without chain or transaction', { details: where })
    }
    if (
      !isCount(e.block) ||
      !isCount(e.timestamp) ||
      !isCount(e.txIndex) ||
      !Number.isSafeInteger(e.logIndex) ||
      e.logIndex < -1
    ) {
      throw new StoreError('event location is not a chain position', { details: where })
    }
  }
  for (const b of blocks) {
    if (!isCount(b.number) || !b.hash || !b.parentHash)
      throw new StoreError('block without number or hash', { details: String(b.number) })
  }
  if (cursor && (!cursor.key || !isCount(cursor.block) || typeof cursor.hash !== 'string')) {
    throw new StoreError('invalid cursor', { details: JSON.stringify(cursor) })
  }
}
