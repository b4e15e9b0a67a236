import { UnknownTokenError } from '../errors/AnalysisError.ts'
import type { TokenState, WalletGraph } from './WalletGraph.ts'

/**
 * Returns what the graph knows about `token`, or throws {@link UnknownTokenError} when no event for it was
 * seen (a typo, another chain, a token launched before the data starts).
 *
 * @example
 * const state = getTokenState(graph, '0xToken')
 */
export function getTokenState(graph: WalletGraph, token: string): TokenState {
  const state =
    graph.tokens.get(token) ?? graph.tokens.get(token.toLowerCase()) ?? findCaseInsensitive(graph, token)
  if (!state) {
    const known = [...graph.tokens.keys()]
    throw new UnknownTokenError('unknown token', {
      details: `${token}: no launch, trade or transfer of it was seen (${known.length} known token${known.length === 1 ? '' : 's'}${known.length > 0 ? `, e.g. ${known.slice(0, 3).join(', ')}` : ''})`,
    })
  }
  return state
}

function findCaseInsensitive(graph: WalletGraph, token: string): TokenState | undefined {
  if (!token.startsWith('0x')) return undefined
  const lower = token.toLowerCase()
  for (const [key, state] of graph.tokens) if (key.toLowerCase() === lower) return state
  return undefined
}
