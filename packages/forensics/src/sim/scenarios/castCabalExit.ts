import type { Address } from 'viem'
import type { MarketScript } from '../createPlanBuilder.ts'

/**
 * The cabal distributes: the lead sells everything at `block`, each member half within 5 blocks and the rest
 * within a minute.
 *
 * @example
 * castCabalExit(b, 2400, lead, members)
 */
export function castCabalExit(b: MarketScript, block: number, lead: Address, members: Address[]): void {
  const { rng } = b
  b.sell(block, lead, 1)
  for (const m of members) {
    b.sell(block + rng.int(0, 5), m, 0.5)
    b.sell(block + rng.int(6, 60), m, 1)
  }
}
