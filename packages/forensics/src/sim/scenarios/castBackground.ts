import type { Address } from 'viem'
import type { PlanBuilder } from '../createPlanBuilder.ts'

/** Parameters of {@link castBackground}. */
export type CastBackgroundParameters = {
  launchBlock: number
  /** Organic traders and the range of their buys (ETH, log-uniform). */
  organics: number
  organicEth: [number, number]
  /** Last block an organic trader arrives at. */
  horizon: number
  snipers: [number, number]
}

/**
 * The cast every market has: snipers buying a block or three after the launch (most exit within five minutes),
 * organic traders arriving over time, and a well-known wallet whose buys its copy-traders follow.
 *
 * @example
 * castBackground(b, { launchBlock: 80, organics: 20, organicEth: [0.05, 1.5], horizon: 3000, snipers: [2, 4] })
 */
export function castBackground(b: PlanBuilder, p: CastBackgroundParameters): void {
  const { rng } = b
  const L = p.launchBlock
  const sniperCount = rng.int(p.snipers[0], p.snipers[1])
  for (let i = 0; i < sniperCount; i++) {
    const sniper = b.wallet('sniper', `sniper-${i}`)
    b.buy(L + rng.int(1, 3), sniper, rng.ether(0.3, 2))
    b.sell(rng.chance(0.85) ? L + rng.int(10, 300) : L + rng.int(301, 3000), sniper, 1)
  }
  for (let i = 0; i < p.organics; i++) {
    const trader = b.wallet('organic', `organic-${i}`)
    const first = L + rng.int(5, p.horizon)
    b.buy(first, trader, rng.ether(p.organicEth[0], p.organicEth[1]))
    if (rng.chance(0.3)) b.buy(first + rng.int(10, 600), trader, rng.ether(p.organicEth[0], p.organicEth[1]))
    if (rng.chance(0.5)) b.sell(first + rng.int(60, 2400), trader, rng.between(0.2, 1))
  }
  const kol = b.wallet('lead', 'kol')
  const followers: Address[] = []
  const entry = L + rng.int(20, 600)
  const exit = entry + rng.int(200, 1500)
  b.buy(entry, kol, rng.ether(1, 4))
  b.sell(exit, kol, 1)
  const followerCount = rng.int(3, 6)
  for (let i = 0; i < followerCount; i++) {
    const follower = b.wallet('follower', `follower-${i}`)
    followers.push(follower)
    b.buy(entry + rng.int(1, 4), follower, rng.ether(0.2, 1.5))
    b.sell(exit + rng.int(1, 5), follower, 1)
  }
  b.lead(kol, followers, 'kol')
}
