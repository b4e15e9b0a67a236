import { analyzeToken } from '../detect/analyzeToken.ts'
import { UnknownTokenError } from '../errors/AnalysisError.ts'
import { buildWalletGraph } from '../graph/buildWalletGraph.ts'
import { getTokenState } from '../graph/getTokenState.ts'
import type { MarketEvent } from '../model/MarketEvent.ts'
import type { RugRisk } from './RugRisk.ts'
import { scoreRugRisk } from './scoreRugRisk.ts'

/** Parameters of {@link rugRiskAt}. */
export type RugRiskAtParameters = {
  events: readonly MarketEvent[]
  token: string
  /** Seconds after the launch (60 and 300 are the checkpoints). */
  secondsAfterLaunch: number
}

/**
 * The rug-risk score exactly as it would have read `secondsAfterLaunch` after the launch: only the events
 * up to that moment are used (nothing from the future leaks in).
 *
 * @example
 * const at60 = rugRiskAt({ events, token, secondsAfterLaunch: 60 })
 */
export function rugRiskAt({ events, token, secondsAfterLaunch }: RugRiskAtParameters): RugRisk {
  const full = buildWalletGraph({ events: events.filter((e) => e.kind === 'launch' && e.token === token) })
  const launch = full.tokens.get(token)?.launch
  if (!launch) {
    getTokenState(buildWalletGraph({ events }), token) // throws for a token never seen
    throw new UnknownTokenError('launch not seen', {
      details: `${token}: no launch event, so no time to score from`,
    })
  }
  const until = launch.timestamp + secondsAfterLaunch
  const graph = buildWalletGraph({ events, until })
  graph.now = until
  const risk = scoreRugRisk(graph, { analysis: analyzeToken(graph, { token }) })
  return { ...risk, secondsAfterLaunch }
}
