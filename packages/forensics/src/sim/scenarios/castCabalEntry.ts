import type { Address } from 'viem'
import type { MarketScript } from '../createPlanBuilder.ts'

/** Return type of {@link castCabalEntry}: the cabal's wallets and the block its lead bought in. */
export type CastCabalEntryReturnType = { lead: Address; members: Address[]; entry: number }

/**
 * A cabal: a hub funds a lead wallet and 5–8 members; the lead buys 5–120 blocks after the launch and the
 * members enter 0–3 blocks behind it.
 *
 * @example
 * const { lead, members, entry } = castCabalEntry(b, 80)
 */
export function castCabalEntry(b: MarketScript, launchBlock: number): CastCabalEntryReturnType {
  const { rng } = b
  const hub = b.wallet('funder', 'cabal')
  const lead = b.wallet('lead', 'cabal', hub)
  const members: Address[] = []
  const count = rng.int(5, 8)
  for (let i = 0; i < count; i++) members.push(b.wallet('cabal', 'cabal', hub))
  const entry = launchBlock + rng.int(5, 120)
  b.buy(entry, lead, rng.ether(2, 5))
  for (const m of members) b.buy(entry + rng.int(0, 3), m, rng.ether(0.5, 3))
  return { lead, members, entry }
}
