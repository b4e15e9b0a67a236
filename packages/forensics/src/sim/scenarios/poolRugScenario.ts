import { type PlanBuilder, POOL_PHASE_DELAY } from '../createPlanBuilder.ts'
import { castBackground } from './castBackground.ts'
import { castDevSide } from './castDevSide.ts'
import { castPoolBackground } from './castPoolBackground.ts'
import { pushToCompletion } from './pushToCompletion.ts'

/**
 * Hard rug after the migration: bundlers buy in the creation block and insiders (funded through hops) right
 * after; the crowd sells out the curve and it migrates to Uniswap V2; the dev adds liquidity of his own to the
 * pool; once the pool has traded for a while, the dev pulls that liquidity and the dev, the bundlers and the
 * insiders dump everything into the pool within two blocks.
 *
 * @example
 * poolRugScenario(b)
 */
export function poolRugScenario(b: PlanBuilder): void {
  const { rng } = b
  const L = rng.int(60, 120)
  const dev = b.wallet('dev', 'dev')
  b.launch(L, dev, rng.ether(0.5, 3))
  const bundlers = castDevSide(b, { dev, role: 'bundler', count: rng.int(3, 5), hops: [1, 2] })
  for (const w of bundlers) b.buy(L, w, rng.ether(0.3, 1.5))
  const insiders = castDevSide(b, { dev, role: 'insider', count: rng.int(2, 4), hops: [2, 3] })
  for (const w of insiders) b.buy(L + rng.int(1, 10), w, rng.ether(0.5, 2))
  castBackground(b, {
    launchBlock: L,
    organics: rng.int(30, 45),
    organicEth: [0.3, 5],
    horizon: 1800,
    snipers: [1, 3],
  })
  pushToCompletion(b, L)
  b.afterMigration((p, { migratedAt, holders }) => {
    castPoolBackground(p, {
      start: migratedAt,
      traders: holders.filter((h) => h.entity !== 'dev').map((h) => h.address),
      newTraders: p.rng.int(8, 15),
      horizon: 2400,
    })
    // The dev lends the pool some liquidity to look committed, and pulls it right before the dump.
    p.addLiquidity(migratedAt + POOL_PHASE_DELAY + p.rng.int(0, 100), dev, p.rng.ether(2, 8))
    const R = migratedAt + POOL_PHASE_DELAY + p.rng.int(120, 1800)
    p.removeLiquidity(R, dev)
    for (const w of [dev, ...bundlers, ...insiders]) p.sell(R + p.rng.int(0, 1), w, 1)
    p.rug('hard', 'dev', 'dev', R)
  })
}
