import { connectChain } from '@sextant/chain/clients/connectChain'
import { launchpadTokenAbi } from '@sextant/chain/generated/LaunchpadToken'
import { uniswapV2PairAbi } from '@sextant/chain/generated/UniswapV2Pair'
import { describe, expect, it } from 'vitest'
import { createAlertMonitor } from '../alerts/createAlertMonitor.ts'
import type { MarketEvent } from '../model/MarketEvent.ts'
import { exportGroundTruth } from '../sim/exportGroundTruth.ts'
import { planMarket } from '../sim/planMarket.ts'
import { runMarket } from '../sim/runMarket.ts'
import { openSqliteEventStore } from '../store/openSqliteEventStore.ts'
import { createEvmIngester } from './createEvmIngester.ts'

type Trade = Extract<MarketEvent, { kind: 'trade' }>

describe('a market that migrates, then rugs in the Uniswap V2 pool, on anvil', () => {
  it('ingests the pool trades once, as the ground truth has them, and alerts on the pull and the dump', async () => {
    const chain = await connectChain()
    const store = await openSqliteEventStore({ path: ':memory:' })
    try {
      const plan = planMarket({ seed: 3, scenario: 'pool-rug' })
      const run = await runMarket(chain, plan)
      const truth = exportGroundTruth(plan, run)
      const { address: token, pair } = plan.tokens[0]!
      const open = () =>
        createEvmIngester({
          publicClient: chain.publicClient,
          store,
          launchpad: plan.deployment.launchpad,
          fromBlock: run.fromBlock,
        })
      const ingester = await open()
      await ingester.backfill()
      const events = await store.readEvents({ token })
      const migrate = events.find((e) => e.kind === 'liquidity')
      expect(migrate).toMatchObject({ action: 'migrate', pool: pair })
      expect(migrate!.timestamp).toBe(run.origin.timestamp + truth.migrations[0]!.atBlockOffset)
      const pool = events.filter((e): e is Trade => e.kind === 'trade' && e.venue === 'pool')
      expect(
        pool.map((e) => [e.trader, e.side, `${e.nativeAmount}`, `${e.tokenAmount}`, e.timestamp]),
      ).toEqual(
        truth.poolTrades.map((t) => [
          t.wallet,
          t.side,
          t.nativeAmount,
          t.tokenAmount,
          run.origin.timestamp + t.atBlockOffset,
        ]),
      )
      expect(pool.every((e) => e.block > migrate!.block && e.block <= truth.blocks!.to)).toBe(true)
      // The chain agrees: the pair holds the reserves of the last pool trade, the dev holds nothing.
      const [r0, r1] = await chain.publicClient.readContract({
        address: pair,
        abi: uniswapV2PairAbi,
        functionName: 'getReserves',
      })
      const tokenIsToken0 = token.toLowerCase() < plan.deployment.weth.toLowerCase()
      const last = pool.at(-1)!.reserves!
      expect(tokenIsToken0 ? [r0, r1] : [r1, r0]).toEqual([last.realToken, last.realNative])
      const devBalance = await chain.publicClient.readContract({
        address: token,
        abi: launchpadTokenAbi,
        functionName: 'balanceOf',
        args: [truth.launches[0]!.creator],
      })
      expect(devBalance).toBe(0n)

      // Ingesting again — the same ingester from the start, then a fresh one — stores nothing twice.
      const total = await store.countEvents()
      await store.commit({
        blocks: [],
        events: [],
        cursor: { key: ingester.cursorKey, chain: ingester.chain, block: run.fromBlock - 1, hash: '' },
      })
      expect((await ingester.backfill()).inserted).toBe(0)
      expect((await (await open()).backfill()).inserted).toBe(0)
      expect(await store.countEvents()).toBe(total)

      // The pull and the dump raise the liquidity, dev and insider alerts at the rug, from the stored events.
      const monitor = createAlertMonitor()
      const rugBlock = pool.find(
        (e) => e.timestamp === run.origin.timestamp + truth.rugs[0]!.atBlockOffset!,
      )!.block
      const alerts = (await store.readEvents()).flatMap((e) => monitor.push(e))
      const dev = truth.launches[0]!.creator
      const devAlert = alerts.find((a) => a.kind === 'dev-selling')
      const dump = pool.find((e) => e.trader === dev && e.side === 'sell')!
      expect(devAlert).toMatchObject({ token, block: dump.block, tx: dump.tx })
      expect(dump.block - rugBlock).toBeLessThanOrEqual(1)
      // The dev's own liquidity, added after the migration, is pulled in the rug's first block.
      const [added, pulled] = truth.poolLiquidity
      expect([added?.action, pulled?.action, pulled?.wallet]).toEqual(['add', 'remove', dev])
      const pull = alerts.find((a) => a.kind === 'liquidity-pulled')
      expect(pull).toMatchObject({ token, block: rugBlock, evidence: { provider: dev, pool: pair } })
      expect(pull!.evidence.nativeAmount).toBe(pulled!.nativeAmount)
      const insiders = alerts.filter((a) => a.kind === 'insiders-selling')
      expect(insiders.length).toBeGreaterThanOrEqual(1)
      expect(insiders.every((a) => a.block >= rugBlock && a.block <= rugBlock + 1)).toBe(true)
    } finally {
      await store.close()
      await chain.close()
    }
  }, 180_000)
})
