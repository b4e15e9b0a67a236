import type { Address } from 'viem'
import type { PlanBuilder } from '../createPlanBuilder.ts'
import { castBackground } from './castBackground.ts'

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
  const hub = b.wallet('funder', 'wash')
  const ring: Address[] = []
  const size = rng.int(3, 5)
  for (let i = 0; i < size; i++) ring.push(b.wallet('wash', 'wash', hub))
  let at = L + rng.int(10, 60)
  const rounds = rng.int(15, 30)
  for (let r = 0; r < rounds; r++) {
    const start = rng.int(0, size - 1)
    const hops = rng.int(1, size - 1)
    const path = Array.from({ length: hops + 1 }, (_, k) => ring[(start + k) % size]!)
    b.buy(at, path[0]!, rng.ether(0.5, 3))
    for (let k = 0; k < hops; k++) b.transfer(at + k + 1, path[k]!, path[k + 1]!, 1)
    b.sell(at + hops + 1, path[hops]!, 1)
    at += rng.int(20, 200)
  }
  castBackground(b, {
    launchBlock: L,
    organics: rng.int(15, 25),
    organicEth: [0.05, 1.5],
    horizon: at,
    snipers: [1, 3],
  })
}
