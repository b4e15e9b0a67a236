import type { MarketEvent } from '../model/MarketEvent.ts'
import type { StoredBlock } from '../store/EventStore.ts'
import { decodeEvmLogs } from './decodeEvmLogs.ts'
import { decodeFunding } from './decodeFunding.ts'
import type { EvmDecodeContext } from './EvmDecodeContext.ts'
import type { FetchEvmRangeReturnType } from './fetchEvmRange.ts'
import type { IngestFlag } from './RawLog.ts'

/** Return type of {@link decodeFetchedRange}. */
export type DecodeFetchedRangeReturnType = {
  events: MarketEvent[]
  flags: IngestFlag[]
  blocks: StoredBlock[]
}

/**
 * Everything a fetched range holds, as events (logs and native funding), flags, and the block headers to store.
 *
 * @example
 * const { events, blocks } = decodeFetchedRange(await fetchEvmRange(client, chain, 10, 19), ctx)
 */
export function decodeFetchedRange(
  range: FetchEvmRangeReturnType,
  ctx: EvmDecodeContext,
): DecodeFetchedRangeReturnType {
  const timestamps = new Map(range.blocks.map((b) => [b.number, b.timestamp]))
  const { events, flags } = decodeEvmLogs(range.logs, ctx, (n) => timestamps.get(n)!)
  for (const b of range.blocks) {
    const funding = decodeFunding(b, (hash) => !b.failed.has(hash), ctx)
    events.push(...funding.events)
    flags.push(...funding.flags)
  }
  const blocks = range.blocks.map(({ chain, number, hash, parentHash, timestamp }) => ({
    chain,
    number,
    hash,
    parentHash,
    timestamp,
  }))
  return { events, flags, blocks }
}
