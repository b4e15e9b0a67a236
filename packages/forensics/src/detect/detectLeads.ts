import type { TokenState } from '../graph/WalletGraph.ts'
import type { AnalysisOptions } from './AnalysisOptions.ts'
import { compareTrades } from './compareTrades.ts'
import { firstSells } from './firstSells.ts'
import type { LeadFinding } from './TokenAnalysis.ts'

/** Parameters of {@link detectLeads}. */
export type DetectLeadsParameters = {
  state: TokenState
  /** Wallets that may lead or follow (the dev's side is left out: its timing is its own). */
  candidates: ReadonlySet<string>
  entities: Map<string, string>
  options: AnalysisOptions
}

/**
 * Lead wallets: a wallet whose first buy is followed within `followEntrySeconds` by other wallets' first
 * buys, and whose first sell is followed within `followExitSeconds` by theirs. A lead needs two followers
 * that copied both its entry and its exit — or four that copied its entry and left, if at all, while it still
 * held (their exit could not copy one the lead had not made: a well-known wallet that holds on into the pool
 * and sells last is still the wallet whose buys they followed). Leads are taken greedily, most followers
 * first; a follower is never also a lead. Curve and pool trades count alike.
 *
 * @example
 * const leads = detectLeads({ state, candidates, entities, options })
 */
export function detectLeads({ state, candidates, entities, options }: DetectLeadsParameters): LeadFinding[] {
  const sells = firstSells(state)
  const entries = [...state.firstBuy.values()].filter((t) => candidates.has(t.trader)).sort(compareTrades)
  const found: (LeadFinding & { untested: string[] })[] = []
  entries.forEach((entry, i) => {
    const followers: string[] = []
    const confirmed: string[] = []
    // Followers that sold before the lead did, or never: no exit of the lead for them to copy.
    const untested: string[] = []
    const leadSell = sells.get(entry.trader)
    for (let j = i + 1; j < entries.length; j++) {
      const next = entries[j]!
      if (next.timestamp > entry.timestamp + options.followEntrySeconds) break
      followers.push(next.trader)
      const sell = sells.get(next.trader)
      if (!leadSell || !sell || compareTrades(sell, leadSell) < 0) untested.push(next.trader)
      if (
        leadSell &&
        sell &&
        compareTrades(sell, leadSell) > 0 &&
        sell.timestamp <= leadSell.timestamp + options.followExitSeconds
      ) {
        confirmed.push(next.trader)
      }
    }
    if (confirmed.length >= 2 || untested.length >= 4) {
      found.push({
        lead: entry.trader,
        entity: entities.get(entry.trader) ?? entry.trader,
        followers,
        confirmed,
        untested,
      })
    }
  })
  found.sort((a, b) => b.confirmed.length - a.confirmed.length || b.followers.length - a.followers.length)
  const taken = new Set<string>()
  const leads: LeadFinding[] = []
  for (const { untested, ...finding } of found) {
    if (taken.has(finding.lead)) continue
    // Followers already explained by a stronger lead do not make a second one.
    const confirmed = finding.confirmed.filter((f) => !taken.has(f))
    const followers = finding.followers.filter((f) => !taken.has(f))
    if (confirmed.length < 2 && untested.filter((f) => !taken.has(f)).length < 4) continue
    leads.push({ ...finding, followers, confirmed })
    taken.add(finding.lead)
    for (const f of finding.followers) taken.add(f)
  }
  return leads
}
