import type { Address } from 'viem'
import type { MarketScript } from '../createPlanBuilder.ts'

/**
 * A wash ring: 3–5 wallets of entity `wash`, all funded by one hub.
 *
 * @example
 * const ring = castWashRing(b)
 */
export function castWashRing(b: MarketScript): Address[] {
  const hub = b.wallet('funder', 'wash')
  const size = b.rng.int(3, 5)
  return Array.from({ length: size }, () => b.wallet('wash', 'wash', hub))
}
