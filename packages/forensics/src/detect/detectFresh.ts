import type { TokenState, WalletGraph } from '../graph/WalletGraph.ts'
import type { AnalysisOptions } from './AnalysisOptions.ts'

/**
 * Fresh wallets: no history before being funded, funded at most `freshSeconds` before their first buy of
 * the token (throwaway wallets made for one launch).
 *
 * @example
 * detectFresh(graph, state, defaultAnalysisOptions) // ['0xNew…', …]
 */
export function detectFresh(graph: WalletGraph, state: TokenState, options: AnalysisOptions): string[] {
  const fresh: string[] = []
  for (const [wallet, buy] of state.firstBuy) {
    const funded = graph.fundedBy.get(wallet)
    if (!funded || funded.length === 0) continue
    const firstFunding = Math.min(...funded.map((e) => e.timestamp))
    const firstSeen = graph.firstSeen.get(wallet) ?? firstFunding
    if (firstSeen < firstFunding) continue
    if (buy.timestamp - firstFunding <= options.freshSeconds) fresh.push(wallet)
  }
  return fresh.sort()
}
