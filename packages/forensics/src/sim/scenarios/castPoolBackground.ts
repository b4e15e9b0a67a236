import type { Address } from 'viem'
import { type MarketScript, POOL_PHASE_DELAY } from '../createPlanBuilder.ts'

/** Parameters of {@link castPoolBackground}. */
export type CastPoolBackgroundParameters = {
  /** The migration's block offset. */
  start: number
  /** Holders from the curve phase who keep trading in the pool. */
  traders: Address[]
  /** New organic wallets that arrive in the pool. */
  newTraders: number
  /** Blocks after the pool phase opens over which the crowd trades. */
  horizon: number
}

/**
 * The crowd after a migration: about half of the curve's holders take profits in the pool (part or all of
 * their bag), a few add, and new traders arrive, buy and often sell later. All through the Uniswap V2 pair.
 *
 * @example
 * castPoolBackground(p, { start: phase.migratedAt, traders, newTraders: 10, horizon: 3600 })
 */
export function castPoolBackground(p: MarketScript, c: CastPoolBackgroundParameters): void {
  const { rng } = p
  const open = c.start + POOL_PHASE_DELAY
  for (const w of c.traders) {
    if (rng.chance(0.2)) p.buy(open + rng.int(0, c.horizon), w, rng.ether(0.1, 2))
    if (rng.chance(0.5)) p.sell(open + rng.int(0, c.horizon), w, rng.between(0.2, 1))
  }
  for (let i = 0; i < c.newTraders; i++) {
    const trader = p.wallet('organic', `pool-organic-${i}`)
    const first = open + rng.int(0, c.horizon)
    p.buy(first, trader, rng.ether(0.1, 3))
    if (rng.chance(0.5)) p.sell(first + rng.int(60, 2400), trader, rng.between(0.3, 1))
  }
}
