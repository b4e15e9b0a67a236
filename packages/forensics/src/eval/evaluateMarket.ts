import { analyzeToken } from '../detect/analyzeToken.ts'
import { buildWalletGraph } from '../graph/buildWalletGraph.ts'
import { rugRiskAt } from '../score/rugRiskAt.ts'
import type { MarketPlan } from '../sim/MarketPlan.ts'
import { planToEvents } from '../sim/planToEvents.ts'
import { type PairwiseScores, pairwiseF1 } from './pairwiseF1.ts'

/** The roles the evaluation scores (the simulator's names). */
export const evaluatedRoles = ['dev', 'insider', 'sniper', 'bundler', 'cabal', 'lead', 'wash'] as const

/** One market's evaluation: entity clustering, role confusion counts and the risk scores. */
export type MarketEvaluation = {
  seed: number
  scenario: string
  events: number
  entities: PairwiseScores & { both: number }
  roles: Record<(typeof evaluatedRoles)[number], { tp: number; fp: number; fn: number }>
  /** Did the token rug within one hour of its launch (the label being predicted)? */
  rugWithinHour: boolean
  /** Did it rug at all (a secondary label: what the score's signals describe)? */
  rugs: boolean
  risk: Record<'60' | '300', { score: number; top10: number; level: string }>
  analysisMs: number
}

/**
 * Evaluates forensics on one simulated market: turns the plan into events (no chain), runs the
 * detectors, compares inferred entities (pairwise) and roles with the plan's ground truth, and scores rug
 * risk 60 s and 300 s after the launch beside the top-10 holder share.
 *
 * @example
 * const result = evaluateMarket(planMarket({ seed: 1000, scenario: 'cabal' }))
 * result.entities.f1 // 1
 */
export function evaluateMarket(plan: MarketPlan): MarketEvaluation {
  const events = planToEvents(plan)
  const token = plan.tokens[0]!.address
  const started = performance.now()
  const graph = buildWalletGraph({ events })
  const analysis = analyzeToken(graph, { token })
  const analysisMs = performance.now() - started
  const truthEntities = new Map<string, string>()
  for (const [entity, wallets] of Object.entries(plan.truth.entities)) {
    for (const w of wallets) truthEntities.set(w, entity)
  }
  const scores = pairwiseF1(analysis.entities, truthEntities)
  const roles = Object.fromEntries(
    evaluatedRoles.map((r) => [r, { tp: 0, fp: 0, fn: 0 }]),
  ) as MarketEvaluation['roles']
  for (const [wallet, truthRole] of Object.entries(plan.truth.roles)) {
    const predicted = analysis.roles.get(wallet)
    for (const role of evaluatedRoles) {
      const t = truthRole === role
      const p = predicted === role
      if (t && p) roles[role].tp++
      else if (t) roles[role].fn++
      else if (p) roles[role].fp++
    }
  }
  const rug = plan.truth.rugs.find((r) => r.token === token)
  const rugWithinHour =
    rug !== undefined && rug.kind !== 'none' && (rug.secondsAfterLaunch ?? Infinity) <= 3600
  const at = (s: number) => {
    const r = rugRiskAt({ events, token, secondsAfterLaunch: s })
    return { score: r.score, top10: r.top10Share, level: r.level }
  }
  return {
    seed: plan.seed,
    scenario: plan.scenario,
    events: events.length,
    entities: { ...scores, both: Math.round(scores.precision * scores.predictedPairs) },
    roles,
    rugWithinHour,
    rugs: rug !== undefined && rug.kind !== 'none',
    risk: { '60': at(60), '300': at(300) },
    analysisMs,
  }
}
