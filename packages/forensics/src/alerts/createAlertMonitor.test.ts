import { describe, expect, it } from 'vitest'
import { buildTestMarket } from '../detect/testing/buildTestMarket.ts'
import { createEventBuilder, UNIT } from '../graph/testing/createEventBuilder.ts'
import { planMarket } from '../sim/planMarket.ts'
import { planToEvents } from '../sim/planToEvents.ts'
import { createAlertMonitor } from './createAlertMonitor.ts'

describe('alert monitor', () => {
  it('warns when the dev, insiders and the cabal start selling, once each', () => {
    const b = buildTestMarket()
    b.sell(400, 'ins1', 10_000_000n * UNIT)
    b.sell(401, 'dev', 50_000_000n * UNIT)
    const monitor = createAlertMonitor({ concentrationThreshold: 0.9 })
    const alerts = b.events.flatMap((e) => monitor.push(e))
    const ids = alerts.map((a) => a.id)
    expect(ids).toEqual([
      'T:cabal:hub:start',
      'T:cabal:hub:half',
      'T:insiders:start',
      'T:dev:start',
      'T:dev:half',
    ])
    const insiders = alerts.find((a) => a.kind === 'insiders-selling')!
    expect(insiders.evidence).toMatchObject({ seller: 'ins1', fundingHops: 3, via: 'funding' })
    expect(insiders.message).toBe('insiders of the dev started selling (1 wallet(s))')
    const cabal = alerts.find((a) => a.kind === 'cabal-distributing')!
    expect(cabal.evidence.members).toEqual(['lead', 'm1', 'm2', 'm3', 'm4'])
    expect(cabal.block).toBe(100 + 300)
    // Replaying everything (a redelivered stream) raises nothing new.
    expect(b.events.flatMap((e) => monitor.push({ ...e }))).toEqual([])
  })

  it('snipers and organic sellers raise nothing; liquidity pulled and concentration do', () => {
    const b = createEventBuilder()
    b.launch(0, 'dev')
    b.buy(1, 'sniper', 10_000_000n * UNIT)
    b.sell(2, 'sniper', 10_000_000n * UNIT)
    b.buy(3, 'whale', 400_000_000n * UNIT)
    b.sell(4, 'whale', 300_000_000n * UNIT) // 10%: re-armed below 25%
    b.buy(5, 'whale', 300_000_000n * UNIT)
    b.removeLiquidity(6, 'lp')
    const monitor = createAlertMonitor({ concentrationThreshold: 0.3 })
    const alerts = b.events.flatMap((e) => monitor.push(e))
    expect(alerts.map((a) => [a.kind, a.block - 100])).toEqual([
      ['holder-concentration', 3],
      ['holder-concentration', 5],
      ['liquidity-pulled', 6],
    ])
    expect(alerts[0]!.evidence.top10Share).toBeCloseTo(0.4)
    expect(alerts[0]!.severity).toBe('warning')
    expect(alerts[2]!.severity).toBe('critical')
  })

  it('rejects thresholds outside (0, 1]', () => {
    expect(() => createAlertMonitor({ concentrationThreshold: 0 })).toThrow('invalid alert threshold')
    expect(() => createAlertMonitor({ escalationShare: 2 })).toThrow('invalid alert threshold')
  })

  it('raises the dev-side alerts of a simulated hard rug at the rug block', () => {
    const plan = planMarket({ seed: 1, scenario: 'hard-rug' })
    const events = planToEvents(plan)
    const launch = events.find((e) => e.kind === 'launch')!
    const monitor = createAlertMonitor()
    const alerts = events.flatMap((e) => monitor.push(e))
    const first = alerts.find((a) => a.kind === 'dev-selling' || a.kind === 'insiders-selling')!
    expect(first.timestamp - launch.timestamp).toBe(plan.truth.rugs[0]!.secondsAfterLaunch)
    expect(alerts.some((a) => a.kind === 'cabal-distributing')).toBe(false)
  })

  it('rolls a reorg back to exactly what a fresh monitor of the surviving events is', () => {
    const plan = planMarket({ seed: 2, scenario: 'hard-rug' })
    const events = planToEvents(plan)
    const rug = plan.truth.rugs[0]!
    const launch = events.find((e) => e.kind === 'launch')!
    // The fork starts at the dump's first block.
    const cut = events.find((e) => e.timestamp >= launch.timestamp + rug.secondsAfterLaunch!)!.block
    const live = createAlertMonitor()
    const raised = events.flatMap((e) => live.push(e))
    const orphaned = raised.filter((a) => a.block >= cut)
    expect(orphaned.map((a) => a.kind)).toContain('dev-selling')
    const { removed, retracted } = live.rollback(launch.chain, cut)
    expect(removed).toBe(events.filter((e) => e.block >= cut).length)
    expect(retracted.map((a) => a.id)).toEqual(orphaned.map((a) => a.id))
    const kept = events.filter((e) => e.block < cut)
    const fresh = createAlertMonitor()
    for (const e of kept) fresh.push(e)
    const token = launch.kind === 'launch' ? launch.token : ''
    expect(live.graph.tokens.get(token)!.balances).toEqual(fresh.graph.tokens.get(token)!.balances)
    expect(live.graph.seen).toEqual(fresh.graph.seen)
    // The new fork replays the dump: both raise the same alerts again, ids included.
    const again = events.filter((e) => e.block >= cut)
    const liveAlerts = again.flatMap((e) => live.push(e)).map((a) => [a.id, a.kind, a.block])
    expect(liveAlerts).toEqual(again.flatMap((e) => fresh.push(e)).map((a) => [a.id, a.kind, a.block]))
    expect(liveAlerts.map(([id]) => id)).toEqual(orphaned.map((a) => a.id))
    // Other chains are untouched, and rolling back nothing changes nothing.
    expect(live.rollback('other-chain', 0)).toEqual({ removed: 0, retracted: [] })
  })
})
