import type { TokenState } from '../graph/WalletGraph.ts'
import type { AnalysisOptions } from './AnalysisOptions.ts'
import { maxInWindow } from './maxInWindow.ts'
import type { CabalFinding, LeadFinding } from './TokenAnalysis.ts'

/** Parameters of {@link detectCabals}. */
export type DetectCabalsParameters = {
  state: TokenState
  /** Wallets that may be cabal members (the dev's side and wash rings are left out). */
  candidates: ReadonlySet<string>
  entities: Map<string, string>
  leads: readonly LeadFinding[]
  options: AnalysisOptions
}

/**
 * Cabals: funding source, timing and behaviour together — an inferred entity (wallets tied by a private
 * funder or token transfers) of at least four wallets trading the token, most of which entered within
 * `coordinationSeconds` of each other. The entity's lead is the detected lead inside it, if any.
 *
 * @example
 * const cabals = detectCabals({ state, candidates, entities, leads, options })
 */
export function detectCabals(parameters: DetectCabalsParameters): CabalFinding[] {
  const { state, candidates, entities, leads, options } = parameters
  const byEntity = new Map<string, string[]>()
  for (const wallet of state.firstBuy.keys()) {
    if (!candidates.has(wallet)) continue
    const entity = entities.get(wallet) ?? wallet
    const list = byEntity.get(entity) ?? []
    list.push(wallet)
    byEntity.set(entity, list)
  }
  const cabals: CabalFinding[] = []
  for (const [entity, members] of byEntity) {
    if (members.length < 4) continue
    const blocks = members.map((m) => state.firstBuy.get(m)!.block)
    const together = maxInWindow(
      members.map((m) => state.firstBuy.get(m)!.timestamp),
      options.coordinationSeconds,
    )
    if (together < 4 || together < options.coordinationShare * members.length) continue
    const memberSet = new Set(members)
    const lead = leads.find((l) => memberSet.has(l.lead))?.lead
    const funders = [...entities].filter(([w, e]) => e === entity && !state.firstBuy.has(w)).map(([w]) => w)
    cabals.push({
      entity,
      members: members.sort(),
      lead,
      funders: funders.sort(),
      entryBlocks: [Math.min(...blocks), Math.max(...blocks)],
      enteredTogether: together,
    })
  }
  return cabals
}
