import { describe, expect, it } from 'vitest'
import type { AlertMessage, AlertSink } from '../alerts/Alert.ts'
import { createAlertMonitor } from '../alerts/createAlertMonitor.ts'
import { buildTestMarket } from '../detect/testing/buildTestMarket.ts'
import { createEventBuilder, UNIT } from '../graph/testing/createEventBuilder.ts'
import type { MarketEvent } from '../model/MarketEvent.ts'
import { openSqliteEventStore } from '../store/openSqliteEventStore.ts'
import { createEventQueue } from './createEventQueue.ts'
import { followEventStore } from './followEventStore.ts'
import { replayEvents } from './replayEvents.ts'
import type { SourceRollback } from './SourceRollback.ts'
import { watchMarket } from './watchMarket.ts'

const collector = () => {
  const alerts: AlertMessage[] = []
  const sink: AlertSink = { name: 'memory', send: async (m) => void alerts.push(m), close: async () => {} }
  return { alerts, sink }
}

describe('watch sources', () => {
  it('follows the event store as events are committed, each once', { timeout: 10_000 }, async () => {
    const store = await openSqliteEventStore({ path: ':memory:' })
    // Ingestion fills the store in chain order; the follower relies on it.
    const events = [...buildTestMarket().events].sort((a, b) => a.block - b.block || a.txIndex - b.txIndex)
    const half = Math.floor(events.length / 2)
    await store.commit({ blocks: [], events: events.slice(0, half) })
    const controller = new AbortController()
    const seen: MarketEvent[] = []
    const following = (async () => {
      for await (const e of followEventStore(store, { pollMs: 5, signal: controller.signal })) {
        if (e.kind === 'rollback') throw new Error('no reorg here')
        seen.push(e)
        if (seen.length === events.length) controller.abort()
      }
    })()
    await new Promise((r) => setTimeout(r, 30))
    await store.commit({ blocks: [], events: events.slice(half - 5) }) // overlaps: redelivered events
    await following
    expect(seen).toHaveLength(events.length)
    expect(new Set(seen.map((e) => `${e.tx}:${e.logIndex}`)).size).toBe(events.length)
    await store.close()
  })

  it('the queue yields each batch in chain order and ends when closed', async () => {
    const queue = createEventQueue()
    const { events } = buildTestMarket()
    const ordered = [...events].sort(
      (a, b) => a.block - b.block || a.txIndex - b.txIndex || a.logIndex - b.logIndex,
    )
    queue.push([...ordered].reverse())
    queue.close()
    const out: (MarketEvent | SourceRollback)[] = []
    for await (const e of queue) out.push(e)
    expect(out).toEqual(ordered)
  })

  it('follows a reorg rolled back in the store: a rollback item, then the new fork', {
    timeout: 10_000,
  }, async () => {
    const store = await openSqliteEventStore({ path: ':memory:' })
    const b = createEventBuilder()
    b.launch(0, 'dev')
    b.buy(1, 'a', 10n * UNIT)
    b.buy(2, 'b', 20n * UNIT)
    b.sell(3, 'dev', 1n * UNIT)
    const block = (e: MarketEvent, fork: string) => ({
      chain: e.chain,
      number: e.block,
      hash: `0x${fork}${e.block}`,
      parentHash: `0x${fork}${e.block - 1}`,
      timestamp: e.timestamp,
    })
    await store.commit({ blocks: b.events.map((e) => block(e, 'a')), events: b.events })
    const controller = new AbortController()
    const out: (MarketEvent | SourceRollback)[] = []
    const following = (async () => {
      for await (const e of followEventStore(store, { pollMs: 5, signal: controller.signal })) {
        out.push(e)
        if (e.kind === 'trade' && e.trader === 'c') controller.abort()
      }
    })()
    while (out.length < 4) await new Promise((r) => setTimeout(r, 5))
    // An ingester rolls back blocks 102.. and stores the new fork: another buy at 102.
    await store.rollback('test', 102)
    b.buy(2, 'c', 5n * UNIT)
    const fork = b.events.slice(-1)
    await store.commit({ blocks: fork.map((e) => block(e, 'b')), events: fork })
    await following
    expect(
      out.map((e) => (e.kind === 'rollback' ? `rollback ${e.fromBlock}` : `${e.kind} ${e.block}`)),
    ).toEqual(['launch 100', 'trade 101', 'trade 102', 'trade 103', 'rollback 102', 'trade 102'])
    await store.close()
  })

  it('watchMarket rolls the monitor back on a reorg from its source', async () => {
    const b = buildTestMarket()
    const sorted = [...b.events].sort((x, y) => x.block - y.block || x.txIndex - y.txIndex)
    const before = createAlertMonitor({ concentrationThreshold: 0.9 })
    const raised = sorted.flatMap((e) => before.push(e))
    const cut = raised[0]!.block // the cabal's dump and what follows are orphaned
    const queue = createEventQueue()
    queue.push(sorted)
    queue.rollback('test', cut)
    queue.close()
    const monitor = createAlertMonitor({ concentrationThreshold: 0.9 })
    const rollbacks: number[] = []
    const stats = await watchMarket({
      source: queue,
      monitor,
      sinks: [],
      onRollback: (r) => rollbacks.push(r.retracted.length),
    })
    const fresh = createAlertMonitor({ concentrationThreshold: 0.9 })
    for (const e of sorted.filter((e) => e.block < cut)) fresh.push(e)
    expect(stats.rollbacks).toBe(1)
    expect(rollbacks).toEqual([2]) // the two cabal alerts
    expect(monitor.graph.seen).toEqual(fresh.graph.seen)
    expect(monitor.graph.tokens.get('T')!.balances).toEqual(fresh.graph.tokens.get('T')!.balances)
  })

  it('watchMarket sends every alert to the sinks and counts duplicates', async () => {
    const { events } = buildTestMarket()
    const sorted = [...events].sort((a, b) => a.block - b.block || a.txIndex - b.txIndex)
    const { alerts, sink } = collector()
    const stats = await watchMarket({
      source: replayEvents({ events: [...sorted, ...sorted.slice(0, 3)] }),
      monitor: createAlertMonitor({ concentrationThreshold: 0.9 }),
      sinks: [sink],
    })
    expect(stats).toEqual({
      events: events.length,
      duplicates: 3,
      alerts: 2,
      retractions: 0,
      failedDeliveries: 0,
      rollbacks: 0,
    })
    expect(alerts.map((a) => `${a.type} ${a.kind}`)).toEqual([
      'alert cabal-distributing',
      'alert cabal-distributing',
    ])
  })
})
