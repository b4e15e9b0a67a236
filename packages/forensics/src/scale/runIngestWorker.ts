import { jetstream } from '@nats-io/jetstream'
import type { NatsConnection } from '@nats-io/transport-node'
import type { Address, PublicClient } from 'viem'
import { IngestError } from '../errors/IngestError.ts'
import { decodeFetchedRange } from '../evm/decodeFetchedRange.ts'
import { discoverLaunchpad } from '../evm/discoverLaunchpad.ts'
import { fetchEvmRange } from '../evm/fetchEvmRange.ts'
import type { EventStore } from '../store/EventStore.ts'
import { ingestSubjects } from './ingestSubjects.ts'

/** Parameters of {@link runIngestWorker}. */
export type RunIngestWorkerParameters = {
  nc: NatsConnection
  job: string
  publicClient: PublicClient
  store: EventStore
  launchpad: Address
  /**
   * Test hook: called after a range is stored and before it is acknowledged; returning false skips the ack (as a
   * worker dying at that point would).
   */
  beforeAck?: (range: { from: number; to: number }) => boolean
  onError?: (error: unknown) => void
}

/** A running worker: how many ranges it finished, and `stop` (lets the current range finish). */
export type IngestWorker = { ranges(): number; stop(): Promise<void> }

/**
 * An ingest worker: takes block ranges from the job's work queue, fetches and decodes each (registering every
 * token launched up to the range's end, so transfers of older tokens decode), commits events, blocks and the
 * range's cursor (`<job>:<from>-<to>`) in one store transaction, then acknowledges. A failed range is
 * negatively acknowledged and retried, by this worker or another.
 *
 * @example
 * const worker = runIngestWorker({ nc, job: 'backfill-1', publicClient, store, launchpad })
 * await job.done()
 * await worker.stop()
 */
export function runIngestWorker(parameters: RunIngestWorkerParameters): IngestWorker {
  const { nc, publicClient, store, launchpad } = parameters
  const { stream, consumer: durable } = ingestSubjects(parameters.job)
  let stopped = false
  let finished = 0
  const loop = (async () => {
    const consumer = await jetstream(nc).consumers.get(stream, durable)
    while (!stopped) {
      const msg = await consumer.next({ expires: 1000 }).catch((error) => {
        parameters.onError?.(error)
        return null
      })
      if (!msg) continue
      let range: { from: number; to: number }
      try {
        range = msg.json<{ from: number; to: number }>()
        if (!Number.isSafeInteger(range.from) || !Number.isSafeInteger(range.to) || range.to < range.from)
          throw new IngestError('work item is not a block range', { details: msg.string() })
      } catch (cause) {
        parameters.onError?.(new IngestError('malformed work item dropped', { details: msg.string(), cause }))
        msg.term()
        continue
      }
      try {
        const ctx = await discoverLaunchpad({ publicClient, launchpad, tokensUpTo: range.to })
        const fetched = await fetchEvmRange(publicClient, ctx.chain, range.from, range.to)
        const { events, blocks } = decodeFetchedRange(fetched, ctx)
        const last = blocks.at(-1)!
        await store.commit({
          blocks,
          events,
          cursor: {
            key: `${parameters.job}:${range.from}-${range.to}`,
            chain: ctx.chain,
            block: last.number,
            hash: last.hash,
          },
        })
        if (parameters.beforeAck && !parameters.beforeAck(range)) continue
        msg.ack()
        finished++
      } catch (error) {
        parameters.onError?.(error)
        msg.nak(500)
      }
    }
  })()
  return {
    ranges: () => finished,
    stop: async () => {
      stopped = true
      await loop
    },
  }
}
