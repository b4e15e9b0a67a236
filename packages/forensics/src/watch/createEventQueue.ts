import type { MarketEvent } from '../model/MarketEvent.ts'
import type { SourceRollback } from './SourceRollback.ts'

/** A push-to-pull bridge: callbacks push events in, a `for await` loop takes them out in order. */
export type EventQueue = AsyncIterable<MarketEvent | SourceRollback> & {
  push(events: readonly MarketEvent[]): void
  /** Queues a reorg (the ingester's `onReorg`), in order with the events around it. */
  rollback(chain: string, fromBlock: number): void
  /** Ends the iteration once the queued events are consumed. */
  close(): void
}

/**
 * Creates an unbounded event queue (each pushed batch is put in chain order), e.g. to turn the EVM ingester's `onEvents` callback into the source of
 * `watchMarket`.
 *
 * @example
 * const queue = createEventQueue()
 * const ingester = await createEvmIngester({
 *   ...,
 *   onEvents: (events) => queue.push(events),
 *   onReorg: ({ chain, fromBlock }) => queue.rollback(chain, fromBlock),
 * })
 * await watchMarket({ source: queue, monitor, sinks })
 */
export function createEventQueue(): EventQueue {
  const buffer: (MarketEvent | SourceRollback)[] = []
  let closed = false
  let wake: (() => void) | undefined
  return {
    push(events) {
      // A batch (one ingester commit) is queued in chain order: funding before the trades it paid for.
      buffer.push(
        ...[...events].sort((a, b) => a.block - b.block || a.txIndex - b.txIndex || a.logIndex - b.logIndex),
      )
      wake?.()
    },
    rollback(chain, fromBlock) {
      buffer.push({ kind: 'rollback', chain, fromBlock })
      wake?.()
    },
    close() {
      closed = true
      wake?.()
    },
    async *[Symbol.asyncIterator]() {
      for (;;) {
        while (buffer.length > 0) yield buffer.shift()!
        if (closed) return
        await new Promise<void>((resolve) => {
          wake = resolve
        })
        wake = undefined
      }
    },
  }
}
