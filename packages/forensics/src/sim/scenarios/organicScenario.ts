import type { PlanBuilder } from '../createPlanBuilder.ts'
import { castBackground } from './castBackground.ts'
import { castPoolBackground } from './castPoolBackground.ts'
import { pushToCompletion } from './pushToCompletion.ts'

/**
 * Organic success: an honest dev, a crowd of traders whose buying sells out the curve, which migrates to
 * Uniswap V2; there the crowd keeps trading (holders take profits or add). No rug.
 *
 * @example
 * organicScenario(b)
 */
export function organicScenario(b: PlanBuilder): void {
  const { rng } = b
  const L = rng.int(60, 120)
  const dev = b.wallet('dev', 'dev')
  b.launch(L, dev, rng.ether(0.1, 1))
  castBackground(b, {
    launchBlock: L,
    organics: rng.int(35, 50),
    organicEth: [0.3, 5],
    horizon: 1800,
    snipers: [1, 3],
  })
  pushToCompletion(b, L)
  // Only wallets already in the market trade in the pool: the launch phase's ground truth stays as it was.
  b.afterMigration((p, phase) =>
    castPoolBackground(p, {
      start: phase.migratedAt,
      traders: phase.holders.filter((h) => h.role !== 'dev').map((h) => h.address),
      newTraders: 0,
      horizon: 3600,
    }),
  )
}
