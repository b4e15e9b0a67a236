import { firstBuyTime } from '../graph/firstBuyTime.ts'
import { hasTraded } from '../graph/hasTraded.ts'
import type { WalletGraph } from '../graph/WalletGraph.ts'
import type { AnalysisOptions } from './AnalysisOptions.ts'
import { maxInWindow } from './maxInWindow.ts'

/** Past this fan-out a funder that never trades is an exchange or faucet whatever its children do. */
const PUBLIC_FAN_OUT = 20

/**
 * Whether the wallets `funder` sent coin to belong to the same owner as the funder. A funder is private
 * when it trades itself (a person, not an exchange), or when it passed on at least 80% of the coin it
 * received (an exchange keeps a float) and either funds a single wallet (a relay) or its children
 * behave as one: tokens pass between them, or nearly all of them enter a token within a few seconds
 * of each other. An exchange's hot wallet funds many wallets that have nothing else in common: public.
 *
 * @example
 * isPrivateFunder(graph, hub, defaultAnalysisOptions) // true: its 7 wallets all bought within 3 blocks
 */
export function isPrivateFunder(graph: WalletGraph, funder: string, options: AnalysisOptions): boolean {
  const children = new Set((graph.funds.get(funder) ?? []).map((e) => e.to))
  if (children.size === 0) return false
  if (hasTraded(graph, funder)) return true
  // A hub or relay passes on what it receives; an exchange keeps a float far larger than any withdrawal.
  const received = (graph.fundedBy.get(funder) ?? []).reduce((a, e) => a + e.amount, 0n)
  const sent = (graph.funds.get(funder) ?? []).reduce((a, e) => a + e.amount, 0n)
  if (received === 0n || sent * 10n < received * 8n) return false
  if (children.size === 1) return true
  if (children.size > PUBLIC_FAN_OUT) return false
  for (const state of graph.tokens.values()) {
    for (const child of children) {
      const out = state.transferEdges.get(child)
      if (!out) continue
      for (const to of out.keys()) if (children.has(to) || to === funder) return true
    }
  }
  const entries: number[] = []
  for (const child of children) {
    const time = firstBuyTime(graph, child)
    if (time !== undefined) entries.push(time)
  }
  if (entries.length < 2) return false
  // Measured over all its children: an exchange early in a market has funded wallets that have not traded.
  const together = maxInWindow(entries, options.coordinationSeconds)
  return together >= 2 && together >= options.coordinationShare * children.size
}
