import { describe, expect, it } from 'vitest'
import { createLogApp } from '../http/createLogApp.ts'
import { createLogClient } from '../http/createLogClient.ts'
import { createMemoryStorage } from '../storage/createMemoryStorage.ts'
import type { LogStorage } from '../storage/LogStorage.ts'
import { treeHash } from '../tree/treeHash.ts'
import { createLogMonitor } from './createLogMonitor.ts'
import { createTestLogKey } from './createTestLogKey.fixture.ts'
import type { MonitorEvent } from './MonitorEvent.ts'
import { monitorLog } from './monitorLog.ts'

const key = createTestLogKey({ origin: 'test.example/log' })

async function logOf(prefix: string, fork: string, forkAt: number, size = 300): Promise<LogStorage> {
  const storage = createMemoryStorage({ origin: key.origin })
  const data = (i: number) => new TextEncoder().encode(`${i < forkAt ? prefix : fork} ${i}`)
  await storage.appendEntries(Array.from({ length: size }, (_, i) => ({ data: data(i) })))
  return storage
}

/** A log server whose storage and served checkpoint the test switches, to make it fork or roll back. */
async function world() {
  const honest = await logOf('entry', 'entry', 0)
  const forked = await logOf('entry', 'forked', 100)
  let current = honest
  let served = { size: 0, note: '' }
  const app = createLogApp({
    storage: {
      latestCheckpoint: async () => ({ ...served, createdAt: 0 }),
      readHashes: (indexes) => current.readHashes(indexes),
      readEntries: (start, end) => current.readEntries(start, end),
    },
  })
  const sign = async (storage: LogStorage, size: number) =>
    key.signCheckpoint({ size, rootHash: await treeHash(storage, { size }) })
  const log = createLogClient({
    url: 'http://log.test/',
    fetch: async (input, init) => app.request(input, init),
  })
  return {
    honest,
    forked,
    log,
    sign,
    /** Serves `storage`'s tiles and a checkpoint of `size` signed over `rootOf`'s tree (default: the same). */
    publish: async (storage: LogStorage, size: number, rootOf = storage) => {
      current = storage
      served = { size, note: await sign(rootOf, size) }
      return served.note
    },
  }
}

const kinds = (events: MonitorEvent[]) =>
  events.map((e) =>
    e.type === 'alert'
      ? `alert:${e.kind}:${e.size}`
      : e.type === 'checkpoint'
        ? `checkpoint:${e.size}`
        : `error:${e.source}`,
  )

describe('createLogMonitor', () => {
  it('follows a growing log quietly', async () => {
    const w = await world()
    const monitor = createLogMonitor({ log: w.log, verifyCheckpoint: key.verifyCheckpoint })
    await w.publish(w.honest, 10)
    expect(kinds(await monitor.poll())).toEqual(['checkpoint:10'])
    await w.publish(w.honest, 200)
    const events = await monitor.poll()
    expect(kinds(events)).toEqual(['checkpoint:200'])
    expect(events[0]).toMatchObject({ source: 'log', rootHash: await treeHash(w.honest, { size: 200 }) })
    expect(await monitor.poll()).toEqual([])
    await w.publish(w.honest, 300)
    expect(kinds(await monitor.poll())).toEqual(['checkpoint:300'])
    expect(monitor.head?.size).toBe(300)
  })

  for (const proofs of ['tiles', 'endpoint'] as const) {
    it(`alerts when the log forks (consistency via ${proofs})`, async () => {
      const w = await world()
      const monitor = createLogMonitor({ log: w.log, verifyCheckpoint: key.verifyCheckpoint, proofs })
      const trustedNote = await w.publish(w.honest, 150)
      await monitor.poll()
      const forkNote = await w.publish(w.forked, 250)
      const events = await monitor.poll()
      expect(kinds(events)).toEqual(['alert:inconsistent:250'])
      expect(events[0]).toMatchObject({ source: 'log', notes: [trustedNote, forkNote] })
      expect(monitor.head?.size).toBe(150)
      expect(await monitor.poll()).toEqual([]) // reported once
      await w.publish(w.honest, 280)
      expect(kinds(await monitor.poll())).toEqual(['checkpoint:280'])
    })
  }

  it('alerts on a split view: two roots for one size, from the log and a witness', async () => {
    const w = await world()
    const witnessNote = await w.sign(w.forked, 200)
    const monitor = createLogMonitor({
      log: w.log,
      verifyCheckpoint: key.verifyCheckpoint,
      sources: [{ name: 'witness.example', checkpoint: async () => witnessNote }],
    })
    const logNote = await w.publish(w.honest, 200)
    const events = await monitor.poll()
    expect(kinds(events)).toEqual(['checkpoint:200', 'alert:split-view:200'])
    expect(events[1]).toMatchObject({ source: 'witness.example', notes: [logNote, witnessNote] })
  })

  it('alerts on a split view the log itself serves over time', async () => {
    const w = await world()
    const monitor = createLogMonitor({ log: w.log, verifyCheckpoint: key.verifyCheckpoint })
    await w.publish(w.honest, 200)
    await monitor.poll()
    await w.publish(w.forked, 200)
    expect(kinds(await monitor.poll())).toEqual(['alert:split-view:200'])
  })

  it('alerts when the log goes back in size, and when an older checkpoint is not a prefix', async () => {
    const w = await world()
    const older = await w.sign(w.forked, 120)
    const monitor = createLogMonitor({
      log: w.log,
      verifyCheckpoint: key.verifyCheckpoint,
      sources: [{ name: 'gossip', checkpoint: async () => older }],
    })
    await w.publish(w.honest, 200)
    expect(kinds(await monitor.poll())).toEqual(['checkpoint:200', 'alert:inconsistent:120'])
    // The log now serves only the tree of 150, so whether 150 is a prefix of 200 cannot be checked this round.
    await w.publish(w.honest, 150)
    expect(kinds(await monitor.poll())).toEqual(['alert:size-regressed:150', 'error:log'])
    expect(monitor.head?.size).toBe(200)
  })

  it('accepts older and newer checkpoints from witnesses when consistent', async () => {
    const w = await world()
    const notes = [await w.sign(w.honest, 50), await w.sign(w.honest, 250)]
    const monitor = createLogMonitor({
      log: w.log,
      verifyCheckpoint: key.verifyCheckpoint,
      sources: notes.map((note, i) => ({ name: `witness-${i}`, checkpoint: async () => note })),
    })
    await w.publish(w.honest, 100)
    // The witness has seen 250, which the log does not serve yet: unverifiable for now, retried next round.
    expect(kinds(await monitor.poll())).toEqual(['checkpoint:100', 'error:witness-1'])
    await w.publish(w.honest, 250)
    expect(kinds(await monitor.poll())).toEqual(['checkpoint:250'])
    await w.publish(w.honest, 300)
    expect(kinds(await monitor.poll())).toEqual(['checkpoint:300'])
  })

  it('alerts when the tiles the log serves do not match its own checkpoint', async () => {
    const w = await world()
    const monitor = createLogMonitor({ log: w.log, verifyCheckpoint: key.verifyCheckpoint })
    await w.publish(w.honest, 150)
    await monitor.poll()
    await w.publish(w.forked, 250, w.honest) // signed over the honest tree, but serving forked tiles
    const events = await monitor.poll()
    expect(kinds(events)).toEqual(['alert:inconsistent:250'])
    expect(events[0]).toMatchObject({ message: expect.stringMatching(/inconsistent tile/) })
  })

  it('checks anchored tree heads once the log reaches them', async () => {
    const w = await world()
    const root = async (size: number) => treeHash(w.honest, { size })
    const anchors = [
      { size: 10, rootHash: await root(10) },
      { size: 120, rootHash: await treeHash(w.forked, { size: 120 }) },
      { size: 260, rootHash: await treeHash(w.forked, { size: 260 }) },
      { size: 290, rootHash: await root(290) },
    ]
    const monitor = createLogMonitor({
      log: w.log,
      verifyCheckpoint: key.verifyCheckpoint,
      anchors: () => anchors,
    })
    await w.publish(w.honest, 200)
    expect(kinds(await monitor.poll())).toEqual(['checkpoint:200', 'alert:anchor-mismatch:120'])
    expect(await monitor.poll()).toEqual([])
    await w.publish(w.honest, 300)
    expect(kinds(await monitor.poll())).toEqual(['checkpoint:300', 'alert:anchor-mismatch:260'])
  })

  it('reports bad signatures and unreachable sources without stopping', async () => {
    const w = await world()
    const stranger = createTestLogKey({ origin: key.origin, seed: 9 })
    const monitor = createLogMonitor({
      log: w.log,
      verifyCheckpoint: key.verifyCheckpoint,
      sources: [
        {
          name: 'impostor',
          checkpoint: async () => stranger.signCheckpoint({ size: 5, rootHash: new Uint8Array(32) }),
        },
        { name: 'down', checkpoint: async () => Promise.reject(new Error('ECONNREFUSED')) },
      ],
    })
    await w.publish(w.honest, 100)
    const events = await monitor.poll()
    expect(kinds(events)).toEqual(['checkpoint:100', 'alert:bad-signature:undefined', 'error:down'])
    expect(events[1]).toMatchObject({ source: 'impostor' })
  })

  it('resumes from a trusted head', async () => {
    const w = await world()
    const trusted = {
      size: 150,
      rootHash: await treeHash(w.honest, { size: 150 }),
      note: await w.sign(w.honest, 150),
    }
    const monitor = createLogMonitor({ log: w.log, verifyCheckpoint: key.verifyCheckpoint, trusted })
    await w.publish(w.forked, 200)
    expect(kinds(await monitor.poll())).toEqual(['alert:inconsistent:200'])
  })

  it('refuses ambiguous configuration', async () => {
    const w = await world()
    const base = { log: w.log, verifyCheckpoint: key.verifyCheckpoint }
    const source = { name: 'log', checkpoint: async () => '' }
    expect(() => createLogMonitor({ ...base, sources: [source] })).toThrow(/unique/)
    expect(() =>
      createLogMonitor({
        ...base,
        sources: [
          { ...source, name: 'a' },
          { ...source, name: 'a' },
        ],
      }),
    ).toThrow(/unique/)
    expect(() =>
      createLogMonitor({
        ...base,
        log: { checkpoint: w.log.checkpoint, tile: w.log.tile },
        proofs: 'endpoint',
      }),
    ).toThrow(/consistencyProof/)
  })
})

describe('monitorLog', () => {
  it('polls on an interval, yields events as they come, and stops on abort', async () => {
    const w = await world()
    await w.publish(w.honest, 100)
    const controller = new AbortController()
    const seen: string[] = []
    let polls = 0
    const log = {
      ...w.log,
      checkpoint: async () => {
        polls++
        if (polls === 2) await w.publish(w.honest, 150)
        if (polls === 3) await w.publish(w.forked, 200)
        if (polls > 5) controller.abort()
        return w.log.checkpoint()
      },
    }
    for await (const event of monitorLog({
      log,
      verifyCheckpoint: key.verifyCheckpoint,
      interval: 5,
      signal: controller.signal,
    })) {
      seen.push(...kinds([event]))
      if (event.type === 'alert') controller.abort()
    }
    expect(seen).toEqual(['checkpoint:100', 'checkpoint:150', 'alert:inconsistent:200'])
    expect(polls).toBe(3)
  })

  it('ends at once when aborted while waiting', async () => {
    const w = await world()
    await w.publish(w.honest, 100)
    const controller = new AbortController()
    const started = Date.now()
    setTimeout(() => controller.abort(), 20)
    const events: MonitorEvent[] = []
    for await (const event of monitorLog({
      log: w.log,
      verifyCheckpoint: key.verifyCheckpoint,
      interval: 60_000,
      signal: controller.signal,
    })) {
      events.push(event)
    }
    expect(kinds(events)).toEqual(['checkpoint:100'])
    expect(Date.now() - started).toBeLessThan(5_000)
  })
})
