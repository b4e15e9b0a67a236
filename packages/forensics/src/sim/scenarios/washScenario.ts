import type { PlanBuilder } from '../createPlanBuilder.ts'
import { castBackground } from './castBackground.ts'
import { castWashRing } from './castWashRing.ts'
import { castWashRounds } from './castWashRounds.ts'

/**
 * Wash-traded volume: a ring of wallets fed by one hub buys, passes the tokens around the ring and sells them
 * back, round after round: volume with no net position. No rug.
 *
 * @example
 * washScenario(b)
 */
export function washScenario(b: PlanBuilder): void {
  const { rng } = b
  const L = rng.int(60, 120)
  const dev = b.wallet('dev', 'dev')
  b.launch(L, dev, rng.ether(0.1, 1))
  const ring = castWashRing(b)
  const at = castWashRounds(b, ring, L + rng.int(10, 60))
  castBackground(b, {
    launchBlock: L,
    organics: rng.int(15, 25),
    organicEth: [0.05, 1.5],
    horizon: at,
    snipers: [1, 3],
  })
}
