import { type PlanBuilder, POOL_PHASE_DELAY } from '../createPlanBuilder.ts'
import { castBackground } from './castBackground.ts'
import { castPoolBackground } from './castPoolBackground.ts'
import { castWashRing } from './castWashRing.ts'
import { castWashRounds } from './castWashRounds.ts'
import { pushToCompletion } from './pushToCompletion.ts'

/**
 * Wash trading in the pool: an honest launch sells out the curve and migrates; then a ring fed by one hub buys
 * in the Uniswap V2 pool, passes the tokens around and sells them back into the pool, round after round. No rug.
 *
 * @example
 * poolWashScenario(b)
 */
export function poolWashScenario(b: PlanBuilder): void {
  const { rng } = b
  const L = rng.int(60, 120)
  const dev = b.wallet('dev', 'dev')
  b.launch(L, dev, rng.ether(0.1, 1))
  castBackground(b, {
    launchBlock: L,
    organics: rng.int(30, 45),
    organicEth: [0.3, 5],
    horizon: 1800,
    snipers: [1, 3],
  })
  pushToCompletion(b, L)
  b.afterMigration((p, { migratedAt, holders }) => {
    const ring = castWashRing(p)
    const end = castWashRounds(p, ring, migratedAt + POOL_PHASE_DELAY + p.rng.int(0, 60))
    castPoolBackground(p, {
      start: migratedAt,
      traders: holders.filter((h) => h.role !== 'dev').map((h) => h.address),
      newTraders: p.rng.int(5, 10),
      horizon: end - migratedAt,
    })
  })
}
