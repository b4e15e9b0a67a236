import { type PlanBuilder, POOL_PHASE_DELAY } from '../createPlanBuilder.ts'
import { castBackground } from './castBackground.ts'
import { castCabalEntry } from './castCabalEntry.ts'
import { castCabalExit } from './castCabalExit.ts'
import { castPoolBackground } from './castPoolBackground.ts'
import { pushToCompletion } from './pushToCompletion.ts'

/**
 * Cabal dump after the migration: the cabal's lead and members enter on the curve, the crowd sells it out and
 * it migrates to Uniswap V2; the cabal rides the pool, then the lead sells and the members distribute into the
 * pool within a minute.
 *
 * @example
 * poolCabalScenario(b)
 */
export function poolCabalScenario(b: PlanBuilder): void {
  const { rng } = b
  const L = rng.int(60, 120)
  const dev = b.wallet('dev', 'dev')
  b.launch(L, dev, rng.ether(0.1, 1))
  const { lead, members } = castCabalEntry(b, L)
  castBackground(b, {
    launchBlock: L,
    organics: rng.int(30, 45),
    organicEth: [0.3, 5],
    horizon: 1800,
    snipers: [1, 3],
  })
  pushToCompletion(b, L)
  b.lead(lead, members, 'cabal')
  b.afterMigration((p, { migratedAt, holders }) => {
    castPoolBackground(p, {
      start: migratedAt,
      traders: holders.filter((h) => h.entity !== 'cabal' && h.role !== 'dev').map((h) => h.address),
      newTraders: p.rng.int(8, 15),
      horizon: 2400,
    })
    const D = migratedAt + POOL_PHASE_DELAY + p.rng.int(120, 1800)
    castCabalExit(p, D, lead, members)
    p.rug('hard', 'cabal', 'cabal', D)
  })
}
