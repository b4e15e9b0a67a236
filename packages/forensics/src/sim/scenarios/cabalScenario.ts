import type { PlanBuilder } from '../createPlanBuilder.ts'
import { castBackground } from './castBackground.ts'
import { castCabalEntry } from './castCabalEntry.ts'
import { castCabalExit } from './castCabalExit.ts'

/**
 * Cabal pump-and-dump: a hub funds a lead wallet and its members; the members enter right behind the lead's
 * buy, the crowd follows the chart, then the lead sells and the members distribute within a minute.
 *
 * @example
 * cabalScenario(b)
 */
export function cabalScenario(b: PlanBuilder): void {
  const { rng } = b
  const L = rng.int(60, 120)
  const dev = b.wallet('dev', 'dev')
  b.launch(L, dev, rng.ether(0.1, 1))
  const { lead, members, entry } = castCabalEntry(b, L)
  const D = entry + rng.int(300, 5000)
  castBackground(b, {
    launchBlock: L,
    organics: rng.int(15, 25),
    organicEth: [0.05, 1.5],
    horizon: D + 600,
    snipers: [2, 4],
  })
  castCabalExit(b, D, lead, members)
  b.lead(lead, members, 'cabal')
  b.rug('hard', 'cabal', 'cabal', D)
}
