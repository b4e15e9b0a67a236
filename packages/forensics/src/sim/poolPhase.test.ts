import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createAlertMonitor } from '../alerts/createAlertMonitor.ts'
import { analyzeToken } from '../detect/analyzeToken.ts'
import { supplyShares } from '../detect/supplyShares.ts'
import { SimulationError } from '../errors/SimulationError.ts'
import { buildWalletGraph } from '../graph/buildWalletGraph.ts'
import type { MarketEvent } from '../model/MarketEvent.ts'
import { createPlanBuilder, POOL_PHASE_DELAY } from './createPlanBuilder.ts'
import { createRng } from './createRng.ts'
import { exportGroundTruth } from './exportGroundTruth.ts'
import type { MarketPlan, Scenario } from './MarketPlan.ts'
import { planMarket } from './planMarket.ts'
import { planToEvents } from './planToEvents.ts'

type Trade = Extract<MarketEvent, { kind: 'trade' }>

/** The launch phase of a plan (actions up to the migration, truth without the pool-phase fields), hashed. */
const launchPhaseFingerprint = (plan: MarketPlan) => {
  const cut = plan.truth.migrations[0]?.atBlockOffset ?? Number.POSITIVE_INFINITY
  const { migrations: _m, poolTrades: _p, poolLiquidity: _l, rugs, ...truth } = plan.truth
  const launchPhase = {
    actions: plan.actions.filter((a) => a.block <= cut),
    truth: { ...truth, rugs: rugs.map(({ venue: _v, ...r }) => r) },
  }
  const json = JSON.stringify(launchPhase, (_, v) => (typeof v === 'bigint' ? `${v}n` : v))
  return createHash('sha256').update(json).digest('hex').slice(0, 16)
}

// Computed from the simulator before post-migration trading existed (commit fe59506).
const launchPhaseBefore: Record<string, string> = {
  'organic/0': '1b44b7e1b87b490f',
  'organic/7': 'ba8c020001f035fa',
  'organic/21': 'e8ed5987a28eb295',
  'slow-rug/0': '08ad70b25a4feb26',
  'slow-rug/7': 'f3a8dc0e23c31c43',
  'slow-rug/21': '8a05104621b16466',
  'hard-rug/0': 'dec5e087775a51e7',
  'hard-rug/7': '30ef9d6e65b4a716',
  'hard-rug/21': '35677781e04b6d03',
  'cabal/0': '51f469e6dd70a96c',
  'cabal/7': '6b6e42ac4e855406',
  'cabal/21': 'f5b00dda2c969c73',
  'wash/0': '87d52b73e95a486f',
  'wash/7': '8facb186970957b9',
  'wash/21': '04153fb1fa8ec53e',
}

describe('the post-migration phase of the simulator', () => {
  it('leaves the launch phase of existing scenarios exactly as it was (actions, random stream, truth)', () => {
    for (const [key, hash] of Object.entries(launchPhaseBefore)) {
      const [scenario, seed] = key.split('/') as [Scenario, string]
      expect(launchPhaseFingerprint(planMarket({ seed: Number(seed), scenario })), key).toBe(hash)
    }
  })

  it('records the migration and a hard rug by the dev side in the pool, after it', () => {
    for (let seed = 0; seed < 8; seed++) {
      const plan = planMarket({ seed, scenario: 'pool-rug' })
      const [migration] = plan.truth.migrations
      const rug = plan.truth.rugs[0]!
      expect(migration).toMatchObject({ token: plan.tokens[0]!.address, pair: plan.tokens[0]!.pair })
      expect(rug).toMatchObject({ kind: 'hard', by: 'dev', venue: 'pool' })
      expect(rug.atBlockOffset!).toBeGreaterThanOrEqual(migration!.atBlockOffset + POOL_PHASE_DELAY)
      const devSide = new Set(plan.truth.entities.dev)
      const exits = plan.truth.poolTrades.filter((t) => t.side === 'sell' && devSide.has(t.wallet))
      expect(exits[0]!.atBlockOffset).toBe(rug.atBlockOffset)
      expect(exits.every((t) => t.entity === 'dev' && t.atBlockOffset <= rug.atBlockOffset! + 1)).toBe(true)
      // Everyone of the dev's side who held tokens at the migration sold into the pool.
      expect(new Set(exits.map((t) => t.wallet)).size).toBeGreaterThanOrEqual(1 + 3 + 2)
    }
  })

  it('refuses a post-migration intent that comes before the pool phase may start', () => {
    const b = createPlanBuilder({
      seed: 1,
      scenario: 'pool-rug',
      rng: createRng('test/early'),
      tokenName: 'Early',
      tokenSymbol: 'EARLY',
    })
    const dev = b.wallet('dev', 'dev')
    b.launch(10, dev, 10n ** 18n)
    b.buy(20, b.wallet('organic', 'whale'), 100n * 10n ** 18n)
    b.afterMigration((p, { migratedAt }) => p.sell(migratedAt + POOL_PHASE_DELAY - 1, dev, 1))
    expect(() => b.build()).toThrow(SimulationError)
    expect(() => b.build()).toThrow(/before its phase may start/)
  })

  it('exports the pool trades and the migration in the ground truth, as plain JSON', () => {
    const plan = planMarket({ seed: 4, scenario: 'pool-cabal' })
    const truth = JSON.parse(JSON.stringify(exportGroundTruth(plan)))
    expect(truth.migrations).toHaveLength(1)
    expect(truth.poolTrades.length).toBeGreaterThan(10)
    expect(truth.rugs[0]).toMatchObject({ kind: 'hard', by: 'cabal', venue: 'pool' })
    const events = planToEvents(plan).filter((e): e is Trade => e.kind === 'trade' && e.venue === 'pool')
    expect(
      events.map((e) => [e.trader, e.side, e.nativeAmount.toString(), e.tokenAmount.toString(), e.timestamp]),
    ).toEqual(
      truth.poolTrades.map((t: Record<string, string | number>) => [
        t.wallet,
        t.side,
        t.nativeAmount,
        t.tokenAmount,
        plan.origin.timestamp + Number(t.atBlockOffset) * plan.blockTime,
      ]),
    )
  })

  it('alerts when the dev pulls his liquidity and his side dumps; its supply share goes to zero', () => {
    const plan = planMarket({ seed: 2, scenario: 'pool-rug' })
    const events = planToEvents(plan)
    const dev = plan.truth.launches[0]!.creator
    const token = plan.tokens[0]!.address
    const rugAt = plan.origin.timestamp + plan.truth.rugs[0]!.atBlockOffset! * plan.blockTime
    const monitor = createAlertMonitor()
    const alerts = events.flatMap((e) => monitor.push(e).map((alert) => ({ alert, event: e })))
    const devSelling = alerts.find((a) => a.alert.kind === 'dev-selling')
    expect(devSelling?.event).toMatchObject({ kind: 'trade', venue: 'pool', side: 'sell', trader: dev })
    expect(devSelling!.event.timestamp - rugAt).toBeLessThanOrEqual(1)
    const pulled = alerts.find((a) => a.alert.kind === 'liquidity-pulled')
    expect(pulled?.event).toMatchObject({
      kind: 'liquidity',
      action: 'remove',
      provider: dev,
      timestamp: rugAt,
    })
    const insiders = alerts.filter((a) => a.alert.kind === 'insiders-selling')
    expect(insiders.length).toBeGreaterThanOrEqual(1)
    expect(insiders.every((a) => a.event.kind === 'trade' && a.event.venue === 'pool')).toBe(true)
    const graph = buildWalletGraph({ events })
    // The liquidity he added left his balance and what he pulled came back, so after the dump he holds nothing.
    expect(graph.tokens.get(token)!.balances.get(dev)).toBe(0n)
    const analysis = analyzeToken(graph, { token })
    const launchAt = plan.origin.timestamp + plan.truth.launches[0]!.atBlockOffset * plan.blockTime
    const before = rugAt - launchAt - 1
    const points = supplyShares(graph, { analysis, at: [before] })
    const held = (p: (typeof points)[number]) => p.shares.dev + p.shares.insiders + p.shares.bundlers
    expect(held(points[0]!)).toBeGreaterThan(0.05)
    expect(held(points.at(-1)!)).toBe(0)
  })

  it('alerts when the cabal distributes into the pool', () => {
    const plan = planMarket({ seed: 3, scenario: 'pool-cabal' })
    const monitor = createAlertMonitor()
    const rugAt = plan.origin.timestamp + plan.truth.rugs[0]!.atBlockOffset! * plan.blockTime
    const alerts = planToEvents(plan).flatMap((e) => monitor.push(e).map((alert) => ({ alert, event: e })))
    const cabal = alerts.find((a) => a.alert.kind === 'cabal-distributing')
    expect(cabal?.event).toMatchObject({ kind: 'trade', venue: 'pool', side: 'sell' })
    expect(cabal!.event.timestamp).toBeGreaterThanOrEqual(rugAt)
    expect(cabal!.event.timestamp).toBeLessThanOrEqual(rugAt + 5)
  })
})
