import type { Address } from 'viem'
import type { PlanBuilder } from '../createPlanBuilder.ts'
import { castBackground } from './castBackground.ts'

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
  const hub = b.wallet('funder', 'cabal')
  const lead = b.wallet('lead', 'cabal', hub)
  const members: Address[] = []
  const count = rng.int(5, 8)
  for (let i = 0; i < count; i++) members.push(b.wallet('cabal', 'cabal', hub))
  const E = L + rng.int(5, 120)
  b.buy(E, lead, rng.ether(2, 5))
  for (const m of members) b.buy(E + rng.int(0, 3), m, rng.ether(0.5, 3))
  const D = E + rng.int(300, 5000)
  castBackground(b, {
    launchBlock: L,
    organics: rng.int(15, 25),
    organicEth: [0.05, 1.5],
    horizon: D + 600,
    snipers: [2, 4],
  })
  b.sell(D, lead, 1)
  for (const m of members) {
    b.sell(D + rng.int(0, 5), m, 0.5)
    b.sell(D + rng.int(6, 60), m, 1)
  }
  b.lead(lead, members, 'cabal')
  b.rug('hard', 'cabal', 'cabal', D)
}
