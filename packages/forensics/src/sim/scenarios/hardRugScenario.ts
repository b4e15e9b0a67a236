import type { PlanBuilder } from '../createPlanBuilder.ts'
import { castBackground } from './castBackground.ts'
import { castDevSide } from './castDevSide.ts'

/**
 * Hard rug: bundlers buy in the creation block right behind the dev's launch, insiders a few blocks later;
 * once the crowd is in, the dev, bundlers and insiders dump everything within two blocks.
 *
 * @example
 * hardRugScenario(b)
 */
export function hardRugScenario(b: PlanBuilder): void {
  const { rng } = b
  const L = rng.int(60, 120)
  const dev = b.wallet('dev', 'dev')
  b.launch(L, dev, rng.ether(0.5, 3))
  const bundlers = castDevSide(b, { dev, role: 'bundler', count: rng.int(3, 6), hops: [1, 2] })
  for (const w of bundlers) b.buy(L, w, rng.ether(0.5, 2.5))
  const insiders = castDevSide(b, { dev, role: 'insider', count: rng.int(2, 4), hops: [2, 3] })
  for (const w of insiders) b.buy(L + rng.int(1, 10), w, rng.ether(0.5, 2))
  const R = L + rng.int(180, 5400)
  castBackground(b, {
    launchBlock: L,
    organics: rng.int(15, 30),
    organicEth: [0.05, 1.5],
    horizon: R + 600,
    snipers: [2, 4],
  })
  for (const w of [dev, ...bundlers, ...insiders]) b.sell(R + rng.int(0, 1), w, 1)
  b.rug('hard', 'dev', 'dev', R)
}
