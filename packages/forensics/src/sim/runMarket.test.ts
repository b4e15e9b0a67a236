import { connectChain } from '@sextant/chain/clients/connectChain'
import { launchpadAbi } from '@sextant/chain/generated/Launchpad'
import { launchpadTokenAbi } from '@sextant/chain/generated/LaunchpadToken'
import { describe, expect, it } from 'vitest'
import { planMarket } from './planMarket.ts'
import { planToEvents } from './planToEvents.ts'
import { runMarket } from './runMarket.ts'

describe('runMarket', () => {
  it('plays a hard rug on anvil: bundlers share the creation block, balances and reserves match the plan', async () => {
    const chain = await connectChain()
    try {
      const plan = planMarket({ seed: 3, scenario: 'hard-rug' })
      const run = await runMarket(chain, plan)
      expect(run.origin).toEqual(plan.origin)
      const token = plan.tokens[0]!.address
      const launchOffset = plan.truth.launches[0]!.atBlockOffset
      const events = planToEvents(plan, run)
      const launch = events.find((e) => e.kind === 'launch')!
      expect(launch.tx).toBe(run.txHashes[plan.actions.findIndex((a) => a.type === 'launch')])
      const block = await chain.publicClient.getBlock({ blockNumber: BigInt(launch.block) })
      const bundlers = plan.wallets.filter((w) => w.role === 'bundler').length
      expect(block.transactions.length).toBeGreaterThanOrEqual(1 + bundlers)
      expect(Number(block.timestamp)).toBe(plan.origin.timestamp + launchOffset)
      const curve = await chain.publicClient.readContract({
        address: plan.deployment.launchpad,
        abi: launchpadAbi,
        functionName: 'curve',
        args: [token],
      })
      const trades = events.filter((e) => e.kind === 'trade')
      const last = trades.at(-1)!
      expect(last.kind === 'trade' && curve.virtualEthReserve).toBe(
        last.kind === 'trade' && last.reserves!.virtualNative,
      )
      expect(curve.realTokenReserve).toBe(last.kind === 'trade' ? last.reserves!.realToken : -1n)
      const dev = plan.truth.launches[0]!.creator
      const devBalance = await chain.publicClient.readContract({
        address: token,
        abi: launchpadTokenAbi,
        functionName: 'balanceOf',
        args: [dev],
      })
      expect(devBalance).toBe(0n) // the dev dumped everything
    } finally {
      await chain.close()
    }
  }, 120_000)
})
