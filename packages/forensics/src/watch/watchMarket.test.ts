import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { connectChain } from '@sextant/chain/clients/connectChain'
import { launchpadAbi } from '@sextant/chain/generated/Launchpad'
import { erc20Abi, maxUint256, parseEther } from 'viem'
import { describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import type { Alert, AlertMessage } from '../alerts/Alert.ts'
import { createAlertMonitor } from '../alerts/createAlertMonitor.ts'
import { createWebhookSink } from '../alerts/createWebhookSink.ts'
import { createWebSocketSink } from '../alerts/createWebSocketSink.ts'
import { createEvmIngester } from '../evm/createEvmIngester.ts'
import type { MarketEvent } from '../model/MarketEvent.ts'
import { planMarket } from '../sim/planMarket.ts'
import { planToEvents } from '../sim/planToEvents.ts'
import { openSqliteEventStore } from '../store/openSqliteEventStore.ts'
import { launchReorgToken } from '../testing/launchReorgToken.ts'
import { createEventQueue } from './createEventQueue.ts'
import type { SourceRollback } from './SourceRollback.ts'
import { watchMarket } from './watchMarket.ts'

describe('watchMarket retractions', () => {
  it('sends the webhook and the WebSocket stream a retraction of exactly the alerts a reorg voided', async () => {
    const events = planToEvents(planMarket({ seed: 1, scenario: 'hard-rug' }))
    const all = createAlertMonitor()
    const alerts = events.flatMap((e) => all.push(e))
    // Orphan the block of the last alert and everything after it; earlier alerts stay valid.
    const fromBlock = alerts.at(-1)!.block
    const chain = alerts[0]!.chain
    const voided = alerts.filter((a) => a.block >= fromBlock).map((a) => a.id)
    expect(voided.length).toBeGreaterThan(0)
    expect(voided.length).toBeLessThan(alerts.length)

    const posted: AlertMessage[] = []
    const server = createServer((req, res) => {
      let body = ''
      req.on('data', (c) => {
        body += c
      })
      req.on('end', () => {
        posted.push(JSON.parse(body))
        res.writeHead(204).end()
      })
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const ws = await createWebSocketSink({ port: 0 })
    const streamed: AlertMessage[] = []
    const client = new WebSocket(ws.url)
    client.on('message', (m) => streamed.push(JSON.parse(String(m))))
    await new Promise((resolve, reject) => client.on('open', resolve).on('error', reject))
    try {
      async function* source(): AsyncGenerator<MarketEvent | SourceRollback> {
        yield* events
        yield { kind: 'rollback', chain: 'eip155:999', fromBlock: 0 } // another chain: voids nothing
        yield { kind: 'rollback', chain, fromBlock }
        yield* events.filter((e) => e.block >= fromBlock) // the new fork holds the same trades again
      }
      const { port } = server.address() as AddressInfo
      const stats = await watchMarket({
        source: source(),
        monitor: createAlertMonitor(),
        sinks: [createWebhookSink({ url: `http://127.0.0.1:${port}/hook` }), ws],
      })
      // Every POST was answered before watchMarket went on; the stream has the same messages once they arrive.
      while (streamed.length < posted.length) await new Promise((r) => setTimeout(r, 10))
      expect(stats).toMatchObject({ rollbacks: 2, retractions: voided.length, failedDeliveries: 0 })
      for (const got of [posted, streamed]) {
        const retractions = got.flatMap((m) => (m.type === 'retraction' ? [m] : []))
        expect(retractions.map((r) => r.alertId).sort()).toEqual([...voided].sort())
        for (const r of retractions) {
          expect(r.reorg).toEqual({ chain, fromBlock })
          expect(r.block).toBeGreaterThanOrEqual(fromBlock)
        }
        // Each retraction follows its alert, and the new fork raises the voided alerts again after it.
        const order = got.map((m) => (m.type === 'alert' ? `alert ${m.id}` : `retraction ${m.alertId}`))
        for (const id of voided) {
          expect(order.filter((o) => o.endsWith(` ${id}`))).toEqual([
            `alert ${id}`,
            `retraction ${id}`,
            `alert ${id}`,
          ])
        }
        expect(got.filter((m) => m.type === 'alert')).toHaveLength(alerts.length + voided.length)
      }
    } finally {
      client.close()
      await ws.close()
      server.close()
    }
  })
})

describe('watchMarket on a chain that reorganises', () => {
  it('rolls the monitor back with the ingester: alerts and state match a fresh run of the final chain', async () => {
    const chain = await connectChain()
    const store = await openSqliteEventStore({ path: ':memory:' })
    try {
      const { launchpad, token, launchBlock, send, request } = await launchReorgToken(chain)
      await send(() =>
        chain.walletClient.writeContract({
          address: token,
          abi: erc20Abi,
          functionName: 'approve',
          args: [launchpad, maxUint256],
        }),
      )
      const buy = (eth: string) =>
        send(() =>
          chain.walletClient.writeContract({
            address: launchpad,
            abi: launchpadAbi,
            functionName: 'buy',
            args: [token, 0n, maxUint256],
            value: parseEther(eth),
          }),
        )
      const sell = (tokens: bigint) =>
        send(() =>
          chain.walletClient.writeContract({
            address: launchpad,
            abi: launchpadAbi,
            functionName: 'sell',
            args: [token, tokens, 0n, maxUint256],
          }),
        )
      const queue = createEventQueue()
      const ingester = await createEvmIngester({
        publicClient: chain.publicClient,
        store,
        launchpad,
        fromBlock: Number(launchBlock),
        onEvents: (events) => queue.push(events),
        onReorg: ({ chain: id, fromBlock }) => queue.rollback(id, fromBlock),
      })
      const monitor = createAlertMonitor()
      const raised: Alert[] = []
      const retracted: Alert[] = []
      const watching = watchMarket({
        source: queue,
        monitor,
        sinks: [],
        onAlert: (a) => raised.push(a),
        onRollback: (r) => retracted.push(...r.retracted),
      })
      await ingester.backfill()
      const snapshot = await request({ method: 'evm_snapshot' })
      // The old fork: the dev buys a third of the supply (concentration alert), then starts selling.
      await buy('15')
      await sell(parseEther('50000000'))
      await ingester.backfill()
      await request({ method: 'evm_revert', params: [snapshot] })
      // The new fork: a small buy first; later the same pattern in other transactions and blocks.
      await buy('0.5')
      expect((await ingester.step()).kind).toBe('reorg')
      await buy('15')
      await sell(parseEther('80000000'))
      await ingester.backfill()
      queue.close()
      const stats = await watching

      const fresh = createAlertMonitor()
      const expected = (await store.readEvents()).flatMap((e) => fresh.push(e))
      const brief = (a: Alert) => `${a.kind} ${a.id} block ${a.block} ${a.tx}`
      expect(expected.map((a) => a.kind)).toEqual(['holder-concentration', 'dev-selling'])
      expect(stats.rollbacks).toBe(1)
      expect(retracted.map((a) => a.kind)).toEqual(['holder-concentration', 'dev-selling'])
      // What is still valid of the live run is exactly the fresh run's alerts: the new fork's concentration
      // crossing and dev sell were raised again (a monitor that kept the old fork would have raised neither).
      const valid = raised.filter((a) => !retracted.includes(a))
      expect(valid.map(brief)).toEqual(expected.map(brief))
      expect(monitor.graph.seen).toEqual(fresh.graph.seen)
      const [launch] = await store.readEvents({ kinds: ['launch'] })
      const state = (m: typeof monitor) => m.graph.tokens.get(launch?.kind === 'launch' ? launch.token : '')!
      expect(state(monitor).balances).toEqual(state(fresh).balances)
      expect(state(monitor).trades).toEqual(state(fresh).trades)
      expect(state(monitor).trades).toHaveLength(4) // launch buy, 0.5, 15, the sell: the old fork's are gone
    } finally {
      await store.close()
      await chain.close()
    }
  }, 120_000)
})
