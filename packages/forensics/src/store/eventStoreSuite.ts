import { randomBytes } from 'node:crypto'
import { afterEach, expect, it } from 'vitest'
import { StoreError } from '../errors/StoreError.ts'
import type { MarketEvent } from '../model/MarketEvent.ts'
import { planMarket } from '../sim/planMarket.ts'
import { planToEvents } from '../sim/planToEvents.ts'
import type { EventStore, StoredBlock } from './EventStore.ts'

/** Parameters of {@link eventStoreSuite}. */
export type EventStoreSuiteParameters = {
  /** Opens a store of the backend under test (all opened stores may share one database). */
  open: () => Promise<EventStore>
}

const fixture = (() => {
  const organic = planToEvents(planMarket({ seed: 1, scenario: 'organic' }))
  const wash = planToEvents(planMarket({ seed: 1, scenario: 'wash' }), {
    origin: { block: 5000, timestamp: 1_900_000_000 },
  })
  return [...organic, ...wash]
})()

/** The plan fixture relabelled to a fresh chain name, so tests sharing a database never see each other. */
const freshEvents = () => {
  const chain = `test:${randomBytes(6).toString('hex')}`
  const events = fixture.map((e) => ({ ...e, chain }))
  const blocks: StoredBlock[] = [...new Set(events.map((e) => e.block))].map((number) => ({
    chain,
    number,
    hash: `0xh${number}`,
    parentHash: `0xh${number - 1}`,
    timestamp: events.find((e) => e.block === number)!.timestamp,
  }))
  return { chain, events, blocks }
}

const sortKey = (e: MarketEvent) => [e.block, e.txIndex, e.logIndex]
const byChainOrder = (a: MarketEvent, b: MarketEvent) => {
  const [x, y] = [sortKey(a), sortKey(b)]
  return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!
}

/**
 * The conformance suite of {@link EventStore} backends (SQLite and PostgreSQL run the same tests): round trip
 * of every event kind, duplicates never counted twice, cursor and events in one transaction, rollback, filters,
 * and bad input that changes nothing.
 *
 * @example
 * describe('openSqliteEventStore', () => eventStoreSuite({ open: () => openSqliteEventStore({ path: ':memory:' }) }))
 */
export function eventStoreSuite({ open }: EventStoreSuiteParameters): void {
  const opened: EventStore[] = []
  const fresh = async () => {
    const store = await open()
    opened.push(store)
    return store
  }
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()))
  })

  it('stores every event kind and reads it back exactly, in chain order', async () => {
    const store = await fresh()
    const { chain, events, blocks } = freshEvents()
    expect(new Set(events.map((e) => e.kind)).size).toBe(6)
    expect(await store.commit({ blocks, events })).toEqual({ inserted: events.length })
    expect(await store.readEvents({ chain })).toEqual([...events].sort(byChainOrder))
    expect(await store.getBlock(chain, blocks[3]!.number)).toEqual(blocks[3])
  })

  it('never counts an event twice, across overlapping and repeated batches', async () => {
    const store = await fresh()
    const { chain, events, blocks } = freshEvents()
    const half = Math.floor(events.length / 2)
    expect((await store.commit({ blocks, events: events.slice(0, half + 10) })).inserted).toBe(half + 10)
    expect((await store.commit({ blocks, events: events.slice(half) })).inserted).toBe(
      events.length - half - 10,
    )
    expect((await store.commit({ blocks, events })).inserted).toBe(0)
    expect((await store.commit({ blocks: [], events: [events[0]!, events[0]!] })).inserted).toBe(0)
    expect(await store.countEvents({ chain })).toBe(events.length)
  })

  it('moves the cursor with the events, and rolls both back together', async () => {
    const store = await fresh()
    const { chain, events, blocks } = freshEvents()
    const key = `cursor:${chain}`
    const cut = blocks[Math.floor(blocks.length / 2)]!.number
    await store.commit({
      blocks,
      events,
      cursor: { key, chain, block: blocks.at(-1)!.number, hash: blocks.at(-1)!.hash },
    })
    expect(await store.getCursor(key)).toEqual({
      key,
      chain,
      block: blocks.at(-1)!.number,
      hash: blocks.at(-1)!.hash,
    })
    const { removed } = await store.rollback(chain, cut)
    expect(removed).toBe(events.filter((e) => e.block >= cut).length)
    expect(await store.countEvents({ chain })).toBe(events.filter((e) => e.block < cut).length)
    expect(await store.getCursor(key)).toEqual({ key, chain, block: cut - 1, hash: `0xh${cut - 1}` })
    expect(await store.getBlock(chain, cut)).toBeUndefined()
    // Re-ingesting the rolled-back range restores exactly the same events.
    await store.commit({ blocks, events })
    expect(await store.countEvents({ chain })).toBe(events.length)
  })

  it('filters by token, kind, block range and limit', async () => {
    const store = await fresh()
    const { chain, events, blocks } = freshEvents()
    await store.commit({ blocks, events })
    const token = events.find((e) => e.kind === 'launch')!
    const tokenEvents = events.filter((e) => 'token' in e && e.token === (token as { token: string }).token)
    expect(await store.countEvents({ chain, token: (token as { token: string }).token })).toBe(
      tokenEvents.length,
    )
    const trades = await store.readEvents({ chain, kinds: ['trade'] })
    expect(trades.length).toBe(events.filter((e) => e.kind === 'trade').length)
    expect(await store.readEvents({ chain, kinds: [] })).toEqual([])
    const from = blocks[5]!.number
    const to = blocks[9]!.number
    const ranged = await store.readEvents({ chain, fromBlock: from, toBlock: to })
    expect(ranged.length).toBe(events.filter((e) => e.block >= from && e.block <= to).length)
    expect((await store.readEvents({ chain, limit: 7 })).length).toBe(7)
    await expect(store.readEvents({ chain, limit: -1 })).rejects.toThrow(StoreError)
  })

  it('refuses malformed events and cursors without writing anything', async () => {
    const store = await fresh()
    const { chain, events, blocks } = freshEvents()
    const key = `cursor:${chain}`
    const bad = [
      { ...events[0]!, kind: 'rug' } as unknown as MarketEvent,
      { ...events[0]!, block: -3 },
      { ...events[0]!, tx: '' },
      { ...events[0]!, logIndex: 1.5 },
    ]
    for (const b of bad) {
      await expect(
        store.commit({
          blocks,
          events: [...events.slice(0, 5), b],
          cursor: { key, chain, block: 9, hash: '0x9' },
        }),
      ).rejects.toThrow(StoreError)
    }
    await expect(
      store.commit({ blocks: [], events: [], cursor: { key: '', chain, block: 1, hash: '' } }),
    ).rejects.toThrow(StoreError)
    expect(await store.countEvents({ chain })).toBe(0)
    expect(await store.getCursor(key)).toBeUndefined()
    expect(await store.getBlock(chain, blocks[0]!.number)).toBeUndefined()
  })
}
