import { describe, expect, it } from 'vitest'
import type { Alert, AlertSink } from '../alerts/Alert.ts'
import { createAlertMonitor } from '../alerts/createAlertMonitor.ts'
import { buildTestMarket } from '../detect/testing/buildTestMarket.ts'
import type { MarketEvent } from '../model/MarketEvent.ts'
import { openSqliteEventStore } from '../store/openSqliteEventStore.ts'
import { createEventQueue } from './createEventQueue.ts'
import { followEventStore } from './followEventStore.ts'
import { replayEvents } from './replayEvents.ts'
import { watchMarket } from './watchMarket.ts'

const collector = () => {
  const alerts: Alert[] = []
  const sink: AlertSink = { name: 'memory', send: async (a) => void alerts.push(a), close: async () => {} }
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
    const out: MarketEvent[] = []
    for await (const e of queue) out.push(e)
    expect(out).toEqual(ordered)
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
    expect(stats).toEqual({ events: events.length, duplicates: 3, alerts: 2, failedDeliveries: 0 })
    expect(alerts.map((a) => a.kind)).toEqual(['cabal-distributing', 'cabal-distributing'])
  })
})
