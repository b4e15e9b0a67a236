import type { MarketEvent } from '../model/MarketEvent.ts'
import type { EventStore } from '../store/EventStore.ts'

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
 * parts); consumers drop the repeats by event key, as the alert monitor does.
 *
 * @example
 * for await (const event of followEventStore(store, { signal })) monitor.push(event)
 */
export async function* followEventStore(
  store: EventStore,
  { chain, fromBlock = 0, pollMs = 100, signal, stopWhenIdle = false }: FollowEventStoreParameters = {},
): AsyncGenerator<MarketEvent> {
  let next = fromBlock
  const seen = new Map<string, number>()
  while (!signal?.aborted) {
    const events = await store.readEvents({ ...(chain ? { chain } : {}), fromBlock: next })
    let fresh = 0
    for (const event of events) {
      const key = `${event.chain}:${event.tx}:${event.logIndex}`
      if (seen.has(key)) continue
      seen.set(key, event.block)
      fresh++
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
