import type { PlanBuilder } from '../createPlanBuilder.ts'
import { castBackground } from './castBackground.ts'

/**
 * Organic success: an honest dev, a crowd of traders whose buying sells out the curve, which migrates to
 * Uniswap V2. No rug.
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
  // Late conviction buyers push the curve over the line.
  const whales = rng.int(3, 5)
  for (let i = 0; i < whales; i++) {
    b.buy(L + rng.int(1500, 2400), b.wallet('organic', `whale-${i}`), rng.ether(10, 25))
  }
  // If the curve is still open, one last buyer takes what is left (the buy is capped and the rest refunded).
  b.buy(L + 2500, b.wallet('organic', 'closer'), rng.ether(90, 95))
}
