import { connectChain } from '@sextant/chain/clients/connectChain'
import { launchpadAbi } from '@sextant/chain/generated/Launchpad'
import { type Address, erc20Abi, maxUint256, parseEther } from 'viem'
import { describe, expect, it } from 'vitest'
import type { Alert } from '../alerts/Alert.ts'
import { createAlertMonitor } from '../alerts/createAlertMonitor.ts'
import { createEvmIngester } from '../evm/createEvmIngester.ts'
import { deployLaunchpad } from '../launchpad/deployLaunchpad.ts'
import { openSqliteEventStore } from '../store/openSqliteEventStore.ts'
import { createEventQueue } from './createEventQueue.ts'
import { watchMarket } from './watchMarket.ts'

describe('watchMarket on a chain that reorganises', () => {
  it('rolls the monitor back with the ingester: alerts and state match a fresh run of the final chain', async () => {
    const chain = await connectChain()
    const store = await openSqliteEventStore({ path: ':memory:' })
    const request = chain.publicClient.request as (a: {
      method: string
      params?: unknown[]
    }) => Promise<unknown>
    try {
      const { launchpad } = await deployLaunchpad(chain)
      const send = async (fn: () => Promise<`0x${string}`>) =>
        chain.publicClient.waitForTransactionReceipt({ hash: await fn() })
      const launched = await send(() =>
        chain.walletClient.writeContract({
          address: launchpad,
          abi: launchpadAbi,
          functionName: 'launch',
          args: ['Reorg', 'RORG', 0n],
          value: parseEther('1'),
        }),
      )
      const token =
        `0x${launched.logs.find((l) => l.address.toLowerCase() === launchpad.toLowerCase())!.topics[1]!.slice(26)}` as Address
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
        fromBlock: Number(launched.blockNumber),
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
