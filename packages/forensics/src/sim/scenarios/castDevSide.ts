import type { Address } from 'viem'
import type { PlanBuilder } from '../createPlanBuilder.ts'
import type { Role } from '../MarketPlan.ts'

/** Parameters of {@link castDevSide}. */
export type CastDevSideParameters = {
  dev: Address
  role: Extract<Role, 'insider' | 'bundler'>
  count: number
  /** Funding hops between the dev and each wallet (the chain of `funder` wallets), inclusive range. */
  hops: [number, number]
}

/**
 * Wallets of the dev's entity (insiders or bundlers), each funded from the dev through a chain of fresh hop
 * wallets, so that no direct dev → wallet edge exists.
 *
 * @example
 * const insiders = castDevSide(b, { dev, role: 'insider', count: 4, hops: [2, 3] })
 */
export function castDevSide(b: PlanBuilder, p: CastDevSideParameters): Address[] {
  const out: Address[] = []
  let shared: Address | undefined
  for (let i = 0; i < p.count; i++) {
    // Some wallets share the last hop of a previous one, as real insiders reuse a relay.
    let parent: Address
    if (shared && b.rng.chance(0.4)) parent = shared
    else {
      parent = p.dev
      const hops = b.rng.int(p.hops[0], p.hops[1])
      for (let h = 0; h < hops; h++) parent = b.wallet('funder', 'dev', parent)
      shared = parent
    }
    out.push(b.wallet(p.role, 'dev', parent))
  }
  return out
}
