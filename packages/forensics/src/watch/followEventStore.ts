import type { MarketEvent } from '../model/MarketEvent.ts'
import type { EventStore } from '../store/EventStore.ts'
import type { SourceRollback } from './SourceRollback.ts'

/** Blocks per chain whose hash is remembered to notice a reorg (deeper than the ingester handles by default). */
const KEPT_BLOCKS = 128

/** Parameters of {@link followEventStore}. */
export type FollowEventStoreParameters = {
  chain?: string
  /** Start at this block (default: the beginning). */
  fromBlock?: number
  /** How often to look for new events (default 100 ms). */
  pollMs?: number
  /** Stop when aborted. */
  signal?: AbortSignal
  /** Stop after the first poll that finds nothing new (replay what is stored, then end). */
  stopWhenIdle?: boolean
}

/**
 * Follows an event store as ingestion workers fill it: yields stored events in chain order, then new
 * ones as they are committed. The last block is read again on each poll (a block can be committed in
 * parts); consumers drop the repeats by event key, as the alert monitor does. A reorg rolled back in the store
 * by an ingester (the hash stored for a block it read events from changed, or the block is gone) is yielded as
 * a `rollback` item before the new fork's events, so the monitor rolls back too.
 *
 * @example
 * for await (const event of followEventStore(store, { signal })) monitor.push(event)
 */
export async function* followEventStore(
  store: EventStore,
  { chain, fromBlock = 0, pollMs = 100, signal, stopWhenIdle = false }: FollowEventStoreParameters = {},
): AsyncGenerator<MarketEvent | SourceRollback> {
  let next = fromBlock
  const seen = new Map<string, number>()
  /** Per chain: the stored hash of each recent block events were read from. */
  const hashes = new Map<string, Map<number, string>>()
  const forked = async (c: string, known: Map<number, string>): Promise<number | undefined> => {
    let from: number | undefined
    for (const [block, hash] of known) {
      if ((await store.getBlock(c, block))?.hash !== hash) from = Math.min(from ?? block, block)
    }
    return from
  }
  while (!signal?.aborted) {
    for (const [c, known] of hashes) {
      const tip = Math.max(...known.keys())
      if ((await store.getBlock(c, tip))?.hash === known.get(tip)) continue
      const from = await forked(c, known)
      if (from === undefined) continue
      for (const block of known.keys()) if (block >= from) known.delete(block)
      for (const [key, block] of seen) if (block >= from && key.startsWith(`${c}:`)) seen.delete(key)
      next = Math.min(next, from)
      yield { kind: 'rollback', chain: c, fromBlock: from }
    }
    const events = await store.readEvents({ ...(chain ? { chain } : {}), fromBlock: next })
    let fresh = 0
    for (const event of events) {
      const key = `${event.chain}:${event.tx}:${event.logIndex}`
      if (seen.has(key)) continue
      seen.set(key, event.block)
      fresh++
      const known = hashes.get(event.chain) ?? new Map<number, string>()
      hashes.set(event.chain, known)
      if (!known.has(event.block)) {
        const stored = await store.getBlock(event.chain, event.block)
        if (stored) known.set(event.block, stored.hash)
        if (known.size > KEPT_BLOCKS) known.delete(Math.min(...known.keys()))
      }
      yield event
    }
    const last = events.at(-1)
    if (last && last.block > next) {
      // Forget keys of blocks that will not be read again.
      for (const [key, block] of seen) if (block < last.block) seen.delete(key)
      next = last.block
    }
    if (fresh === 0 && stopWhenIdle) return
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, pollMs)
      signal?.addEventListener('abort', () => {
        clearTimeout(timer)
        resolve()
      })
    })
  }
}
