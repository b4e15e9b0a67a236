import { fundingAncestors } from '../graph/fundingAncestors.ts'
import type { TokenState, WalletGraph } from '../graph/WalletGraph.ts'
import type { AnalysisOptions } from './AnalysisOptions.ts'
import type { InsiderFinding } from './TokenAnalysis.ts'

/** Parameters of {@link detectDevSide}. */
export type DetectDevSideParameters = {
  state: TokenState
  participants: readonly string[]
  entities: Map<string, string>
  isPublic: (wallet: string) => boolean
  options: AnalysisOptions
}

/**
 * The dev's insiders: wallets the dev funded, directly or through relays (up to `insiderMaxHops`), wallets
 * that received the token from the dev's side, and wallets inferred to be the dev's entity.
 *
 * @example
 * const insiders = detectDevSide(graph, { state, participants, entities, isPublic, options })
 */
export function detectDevSide(graph: WalletGraph, parameters: DetectDevSideParameters): InsiderFinding[] {
  const { state, participants, entities, isPublic, options } = parameters
  const dev = state.launch?.creator
  if (!dev) return []
  const found = new Map<string, InsiderFinding>()
  for (const wallet of participants) {
    if (wallet === dev) continue
    const hops = fundingAncestors(graph, { wallet, maxHops: options.insiderMaxHops, isPublic }).get(dev)
    if (hops !== undefined) found.set(wallet, { wallet, hops, via: 'funding' })
  }
  // Tokens handed out by the dev's side make the receiver an insider too (to a fixed point).
  let grew = true
  while (grew) {
    grew = false
    for (const transfer of state.transfers) {
      const fromDevSide = transfer.from === dev || found.has(transfer.from)
      if (!fromDevSide || transfer.to === dev || found.has(transfer.to) || state.pools.has(transfer.to))
        continue
      found.set(transfer.to, { wallet: transfer.to, hops: undefined, via: 'transfer' })
      grew = true
    }
  }
  const devEntity = entities.get(dev)
  for (const wallet of participants) {
    if (
      wallet !== dev &&
      !found.has(wallet) &&
      devEntity !== undefined &&
      entities.get(wallet) === devEntity
    ) {
      found.set(wallet, { wallet, hops: undefined, via: 'entity' })
    }
  }
  return [...found.values()]
}
