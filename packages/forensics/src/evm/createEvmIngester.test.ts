import { connectChain } from '@sextant/chain/clients/connectChain'
import { launchpadAbi } from '@sextant/chain/generated/Launchpad'
import { maxUint256, parseEther } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { describe, expect, it } from 'vitest'
import { IngestError } from '../errors/IngestError.ts'
import { deployLaunchpad } from '../launchpad/deployLaunchpad.ts'
import type { MarketEvent } from '../model/MarketEvent.ts'
import { allScenarios } from '../sim/MarketPlan.ts'
import { planMarket } from '../sim/planMarket.ts'
import { planToEvents } from '../sim/planToEvents.ts'
import { runMarket } from '../sim/runMarket.ts'
import { openSqliteEventStore } from '../store/openSqliteEventStore.ts'
import { launchReorgToken } from '../testing/launchReorgToken.ts'
import { createEvmIngester } from './createEvmIngester.ts'

const order = (a: MarketEvent, b: MarketEvent) =>
  a.block - b.block || a.txIndex - b.txIndex || a.logIndex - b.logIndex

describe('createEvmIngester', () => {
  it.each(allScenarios)(
    'ingests a simulated %s market exactly as planToEvents predicts, never double counting a re-ingest',
    async (scenario) => {
      const chain = await connectChain()
      const store = await openSqliteEventStore({ path: ':memory:' })
      try {
        const plan = planMarket({ seed: 3, scenario })
        const run = await runMarket(chain, plan)
        const ingester = await createEvmIngester({
          publicClient: chain.publicClient,
          store,
          launchpad: plan.deployment.launchpad,
          fromBlock: run.fromBlock,
          batchSize: 37,
        })
        const { inserted } = await ingester.backfill()
        const expected = planToEvents(plan, run).sort(order)
        expect(inserted).toBe(expected.length)
        expect(await store.readEvents()).toEqual(expected)
        // Re-ingest from the start: the cursor goes back, nothing is counted twice.
        await store.commit({
          blocks: [],
          events: [],
          cursor: { key: ingester.cursorKey, chain: ingester.chain, block: run.fromBlock - 1, hash: '' },
        })
        expect((await ingester.backfill()).inserted).toBe(0)
        expect(await store.countEvents()).toBe(expected.length)
      } finally {
        await store.close()
        await chain.close()
      }
    },
    180_000,
  )

  it('rolls back a reorg detected by parent hash and ingests the new fork', async () => {
    const chain = await connectChain()
    const store = await openSqliteEventStore({ path: ':memory:' })
    try {
      const { launchpad, token, launchBlock, send, request } = await launchReorgToken(chain)
      const buy = (value: string) => () =>
        chain.walletClient.writeContract({
          address: launchpad,
          abi: launchpadAbi,
          functionName: 'buy',
          args: [token, 0n, maxUint256],
          value: parseEther(value),
        })
      const ingester = await createEvmIngester({
        publicClient: chain.publicClient,
        store,
        launchpad,
        fromBlock: Number(launchBlock),
      })
      await ingester.backfill()
      const snapshot = await request({ method: 'evm_snapshot' })
      for (const v of ['1', '2', '3']) await send(buy(v))
      await ingester.backfill()
      expect(await store.countEvents({ kinds: ['trade'] })).toBe(4)
      await request({ method: 'evm_revert', params: [snapshot] })
      // The new fork: one different buy and a funding transfer, shorter than the old one at first.
      await send(buy('0.5'))
      const reorgs: number[] = []
      const again = await createEvmIngester({
        publicClient: chain.publicClient,
        store,
        launchpad,
        onReorg: (r) => reorgs.push(r.fromBlock),
      })
      const stepped = await again.step()
      expect(stepped.kind).toBe('reorg')
      const receiver = privateKeyToAccount(`0x${'11'.repeat(32)}`).address
      await send(() => chain.walletClient.sendTransaction({ to: receiver, value: parseEther('2') }))
      await send(buy('0.25'))
      await again.backfill()
      const trades = await store.readEvents({ kinds: ['trade'] })
      expect(trades.map((t) => (t.kind === 'trade' ? t.nativeAmount : 0n))).toEqual([
        parseEther('0.99'),
        parseEther('0.495'),
        parseEther('0.2475'),
      ])
      const funding = await store.readEvents({ kinds: ['funding'] })
      expect(funding).toMatchObject([{ from: chain.account.address, to: receiver, amount: parseEther('2') }])
      const head = await chain.publicClient.getBlock()
      expect(await store.getCursor(again.cursorKey)).toMatchObject({
        block: Number(head.number),
        hash: head.hash,
      })
      expect(reorgs.length).toBeGreaterThanOrEqual(1)
    } finally {
      await store.close()
      await chain.close()
    }
  }, 120_000)

  it('stops with a clear error at a gap, leaving the cursor on the last stored block', async () => {
    const chain = await connectChain()
    const store = await openSqliteEventStore({ path: ':memory:' })
    try {
      const { launchpad } = await deployLaunchpad(chain)
      for (let i = 0; i < 4; i++) await chain.publicClient.request({ method: 'evm_mine' as never })
      const head = Number(await chain.publicClient.getBlockNumber())
      const missing = head - 1
      // A node that lost one block: getBlock for it answers null.
      const gappy = new Proxy(chain.publicClient, {
        get(target, prop, receiver) {
          if (prop === 'getBlock') {
            return async (args: { blockNumber?: bigint }) =>
              args?.blockNumber === BigInt(missing) ? null : target.getBlock(args as never)
          }
          return Reflect.get(target, prop, receiver)
        },
      })
      const ingester = await createEvmIngester({
        publicClient: gappy,
        store,
        launchpad,
        fromBlock: 0,
        batchSize: 2,
      })
      await expect(ingester.backfill()).rejects.toThrow(IngestError)
      const cursor = await store.getCursor(ingester.cursorKey)
      expect(cursor!.block).toBeLessThan(missing)
      expect(await store.getBlock(ingester.chain, missing)).toBeUndefined()
      // With the block back, ingestion resumes where it stopped and reaches the head.
      const healed = await createEvmIngester({ publicClient: chain.publicClient, store, launchpad })
      await healed.backfill()
      expect((await store.getCursor(ingester.cursorKey))!.block).toBe(head)
    } finally {
      await store.close()
      await chain.close()
    }
  }, 60_000)
})

describe('createEvmIngester follow', () => {
  it('tails new blocks live and hands each commit to onEvents', async () => {
    const chain = await connectChain()
    const store = await openSqliteEventStore({ path: ':memory:' })
    try {
      const { launchpad } = await deployLaunchpad(chain)
      const seen: MarketEvent[] = []
      const head = Number(await chain.publicClient.getBlockNumber())
      const ingester = await createEvmIngester({
        publicClient: chain.publicClient,
        store,
        launchpad,
        fromBlock: head,
        onEvents: (e) => void seen.push(...e),
      })
      const live = ingester.follow({ pollMs: 50 })
      try {
        const hash = await chain.walletClient.writeContract({
          address: launchpad,
          abi: launchpadAbi,
          functionName: 'launch',
          args: ['Live', 'LIVE', 0n],
          value: parseEther('0.5'),
        })
        const receipt = await chain.publicClient.waitForTransactionReceipt({ hash })
        const deadline = Date.now() + 20_000
        while (seen.filter((e) => e.kind === 'trade').length === 0 && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 50))
        expect(seen.map((e) => e.kind)).toEqual(['launch', 'trade'])
        expect(seen[0]!.block).toBe(Number(receipt.blockNumber))
      } finally {
        await live.stop()
      }
      expect(await store.countEvents()).toBe(2)
    } finally {
      await store.close()
      await chain.close()
    }
  }, 60_000)
})
