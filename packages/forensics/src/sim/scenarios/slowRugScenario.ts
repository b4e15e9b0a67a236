import type { PlanBuilder } from '../createPlanBuilder.ts'
import { castBackground } from './castBackground.ts'
import { castDevSide } from './castDevSide.ts'

/**
 * Slow rug: the dev and insiders (funded through hops, one fed by a token transfer from the dev) buy early and
 * bleed their bags into the buyers, a slice every few minutes.
 *
 * @example
 * slowRugScenario(b)
 */
export function slowRugScenario(b: PlanBuilder): void {
  const { rng } = b
  const L = rng.int(60, 120)
  const dev = b.wallet('dev', 'dev')
  b.launch(L, dev, rng.ether(0.5, 3))
  const insiders = castDevSide(b, { dev, role: 'insider', count: rng.int(3, 5), hops: [2, 3] })
  for (const insider of insiders) b.buy(L + rng.int(1, 8), insider, rng.ether(1, 3))
  const R = L + rng.int(600, 9000)
  const stash = castDevSide(b, { dev, role: 'insider', count: 1, hops: [1, 2] })[0]!
  b.transfer(L + rng.int(30, 300), dev, stash, rng.between(0.3, 0.6))
  castBackground(b, {
    launchBlock: L,
    organics: rng.int(15, 25),
    organicEth: [0.05, 1.5],
    horizon: R + 2000,
    snipers: [2, 4],
  })
  const bleeders = [dev, stash, ...insiders]
  const rounds = rng.int(4, 7)
  let at = R
  for (let r = 0; r < rounds; r++) {
    for (const w of bleeders)
      if (rng.chance(0.7) || r === rounds - 1)
        b.sell(at + rng.int(0, 20), w, r === rounds - 1 ? 1 : rng.between(0.15, 0.3))
    at += rng.int(120, 400)
  }
  b.rug('slow', 'dev', 'dev', R)
}
