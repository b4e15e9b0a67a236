import { randomBytes } from 'node:crypto'
import { jetstream, jetstreamManager } from '@nats-io/jetstream'
import { withPostgresDatabase } from '@sextant/audit/storage/testing/withPostgresDatabase'
import { connectChain } from '@sextant/chain/clients/connectChain'
import { describe, expect, it } from 'vitest'
import { IngestError } from '../errors/IngestError.ts'
import { deployLaunchpad } from '../launchpad/deployLaunchpad.ts'
import type { MarketEvent } from '../model/MarketEvent.ts'
import { planMarket } from '../sim/planMarket.ts'
import { planToEvents } from '../sim/planToEvents.ts'
import { runMarket } from '../sim/runMarket.ts'
import { openPostgresEventStore } from '../store/openPostgresEventStore.ts'
import { withNats } from '../testing/withNats.ts'
import { createIngestJob } from './createIngestJob.ts'
import { alertSubject, ingestSubjects } from './ingestSubjects.ts'
import { ensureAlertStream, publishAlert } from './publishAlert.ts'
import { runIngestWorker } from './runIngestWorker.ts'

const nc = await withNats()
const database = await withPostgresDatabase()
const order = (a: MarketEvent, b: MarketEvent) =>
  a.block - b.block || a.txIndex - b.txIndex || a.logIndex - b.logIndex

describe.skipIf(!nc || !database)('ingest workers over NATS JetStream and PostgreSQL', () => {
  it('share a backfill; a worker dying before its acks loses nothing and doubles nothing', async () => {
    const chain = await connectChain()
    const stores = await Promise.all(
      [1, 2, 3].map(() => openPostgresEventStore({ connectionString: database!.connectionString })),
    )
    const job = `test-${randomBytes(4).toString('hex')}`
    const work = await (async () => {
      const plan = planMarket({ seed: 6, scenario: 'wash' })
      const run = await runMarket(chain, plan)
      const created = await createIngestJob({
        nc: nc!,
        job,
        fromBlock: run.fromBlock,
        toBlock: run.toBlock,
        rangeSize: 7,
        ackWaitSeconds: 1,
      })
      // Publishing the same job again queues nothing new (message ids deduplicate).
      await createIngestJob({
        nc: nc!,
        job,
        fromBlock: run.fromBlock,
        toBlock: run.toBlock,
        rangeSize: 7,
        ackWaitSeconds: 1,
      })
      return { plan, run, created }
    })()
    try {
      const errors: unknown[] = []
      let dropped = 0
      const common = {
        nc: nc!,
        job,
        publicClient: chain.publicClient,
        launchpad: work.plan.deployment.launchpad,
        onError: (e: unknown) => errors.push(e),
      }
      const workers = [
        runIngestWorker({ ...common, store: stores[0]! }),
        runIngestWorker({ ...common, store: stores[1]! }),
        // Stores its first two ranges but never acknowledges them, as if it died right after the commit.
        runIngestWorker({ ...common, store: stores[2]!, beforeAck: () => dropped++ >= 2 }),
      ]
      await work.created.done(90_000)
      await Promise.all(workers.map((w) => w.stop()))
      expect(dropped).toBeGreaterThanOrEqual(2)
      expect(workers.reduce((n, w) => n + w.ranges(), 0)).toBe(work.created.ranges)
      const expected = planToEvents(work.plan, work.run).sort(order)
      expect(await stores[0]!.readEvents({ chain: 'eip155:31337' })).toEqual(expected)
      expect(expected.some((e) => e.kind === 'transfer')).toBe(true)
      expect(errors).toEqual([])
    } finally {
      await work.created.remove()
      await Promise.all(stores.map((s) => s.close()))
      await chain.close()
    }
  }, 180_000)

  it('drops a malformed work item with a clear error and still finishes the job', async () => {
    const chain = await connectChain()
    const store = await openPostgresEventStore({ connectionString: database!.connectionString })
    const job = `junk-${randomBytes(4).toString('hex')}`
    try {
      const { launchpad } = await deployLaunchpad(chain)
      const head = Number(await chain.publicClient.getBlockNumber())
      const created = await createIngestJob({ nc: nc!, job, fromBlock: 0, toBlock: head, rangeSize: 2 })
      try {
        await jetstream(nc!).publish(ingestSubjects(job).subject, 'not json')
        await jetstream(nc!).publish(ingestSubjects(job).subject, JSON.stringify({ from: 5, to: 1 }))
        const errors: unknown[] = []
        const worker = runIngestWorker({
          nc: nc!,
          job,
          publicClient: chain.publicClient,
          store,
          launchpad,
          onError: (e) => errors.push(e),
        })
        await created.done(30_000)
        await worker.stop()
        expect(errors).toHaveLength(2)
        for (const e of errors) expect(e).toBeInstanceOf(IngestError)
        expect(worker.ranges()).toBe(created.ranges)
        expect(await store.getCursor(`${job}:0-1`)).toMatchObject({ block: 1 })
      } finally {
        await created.remove()
      }
    } finally {
      await store.close()
      await chain.close()
    }
  }, 60_000)

  it('refuses an invalid job, and publishes alerts on forensics.alerts.<token>, persisted when a stream captures them', async () => {
    await expect(createIngestJob({ nc: nc!, job: 'bad', fromBlock: 10, toBlock: 5 })).rejects.toThrow(
      IngestError,
    )
    const token = `0x${randomBytes(20).toString('hex')}`
    const sub = nc!.subscribe(alertSubject(token), { max: 1 })
    await publishAlert(nc!, token, { kind: 'dev-selling', amount: 5n })
    for await (const m of sub) expect(m.json()).toEqual({ kind: 'dev-selling', amount: '5' })
    const jsm = await jetstreamManager(nc!)
    const name = `FX_ALERTS_TEST_${randomBytes(4).toString('hex')}`
    const persisted = `0x${randomBytes(20).toString('hex')}`
    try {
      const captured = await jsm.streams.find(alertSubject(persisted)).catch(() => undefined)
      if (!captured) await ensureAlertStream(nc!, { name, subjects: [alertSubject(persisted)] })
      await publishAlert(nc!, persisted, { kind: 'liquidity-pulled' })
      const stream = captured ?? name
      const last = await jsm.streams.getMessage(stream, { last_by_subj: alertSubject(persisted) })
      expect(last?.json()).toEqual({ kind: 'liquidity-pulled' })
    } finally {
      await jsm.streams.delete(name).catch(() => false)
    }
  }, 30_000)
})
