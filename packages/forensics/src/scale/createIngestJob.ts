import {
  AckPolicy,
  type JetStreamManager,
  jetstream,
  jetstreamManager,
  RetentionPolicy,
} from '@nats-io/jetstream'
import type { NatsConnection } from '@nats-io/transport-node'
import { IngestError } from '../errors/IngestError.ts'
import { ingestSubjects } from './ingestSubjects.ts'

/** Parameters of {@link createIngestJob}. */
export type CreateIngestJobParameters = {
  nc: NatsConnection
  job: string
  fromBlock: number
  toBlock: number
  /** Blocks per work item (default 50). */
  rangeSize?: number
  /** Seconds a worker may hold a range before it is handed to another (default 30). */
  ackWaitSeconds?: number
}

/** Return type of {@link createIngestJob}. */
export type CreateIngestJobReturnType = {
  stream: string
  ranges: number
  /** Resolves when every range has been ingested and acknowledged (or rejects after `timeoutMs`). */
  done(timeoutMs?: number): Promise<void>
  /** Deletes the job's stream (and its consumer). */
  remove(): Promise<void>
}

/**
 * Splits a block range into work items on a JetStream work-queue stream for ingest workers to share. Each item
 * is published with a message id (`<from>-<to>`), so publishing twice never queues a range twice; a range whose
 * worker dies before acknowledging is redelivered to another after the ack wait, and since the store is
 * idempotent a range ingested twice is counted once.
 *
 * @example
 * const job = await createIngestJob({ nc, job: 'backfill-1', fromBlock: 0, toBlock: 20_000 })
 * await job.done()
 */
export async function createIngestJob(
  parameters: CreateIngestJobParameters,
): Promise<CreateIngestJobReturnType> {
  const { nc, fromBlock, toBlock } = parameters
  const size = parameters.rangeSize ?? 50
  if (
    !Number.isSafeInteger(fromBlock) ||
    !Number.isSafeInteger(toBlock) ||
    fromBlock < 0 ||
    toBlock < fromBlock ||
    size < 1
  ) {
    throw new IngestError('invalid ingest job range', { details: `${fromBlock}..${toBlock} by ${size}` })
  }
  const { stream, subject, consumer } = ingestSubjects(parameters.job)
  let jsm: JetStreamManager
  try {
    jsm = await jetstreamManager(nc)
    await jsm.streams.add({
      name: stream,
      subjects: [subject],
      retention: RetentionPolicy.Workqueue,
      duplicate_window: 3_600_000_000_000,
    })
    await jsm.consumers.add(stream, {
      durable_name: consumer,
      ack_policy: AckPolicy.Explicit,
      ack_wait: (parameters.ackWaitSeconds ?? 30) * 1_000_000_000,
      max_deliver: -1,
    })
    const js = jetstream(nc)
    for (let from = fromBlock; from <= toBlock; from += size) {
      const to = Math.min(toBlock, from + size - 1)
      await js.publish(subject, JSON.stringify({ job: parameters.job, from, to }), { msgID: `${from}-${to}` })
    }
  } catch (cause) {
    throw new IngestError('cannot create the ingest job on NATS', { details: stream, cause })
  }
  const ranges = Math.ceil((toBlock - fromBlock + 1) / size)
  return {
    stream,
    ranges,
    done: async (timeoutMs = 120_000) => {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const info = await jsm.consumers.info(stream, consumer)
        if (info.num_pending === 0 && info.num_ack_pending === 0) return
        if (Date.now() > deadline) {
          throw new IngestError('ingest job did not finish in time', {
            details: `${info.num_pending} queued, ${info.num_ack_pending} in flight`,
          })
        }
        await new Promise((r) => setTimeout(r, 100))
      }
    },
    remove: async () => {
      await jsm.streams.delete(stream).catch(() => false)
    },
  }
}
