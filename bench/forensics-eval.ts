// Forensics evaluation: `npm run eval:forensics [-- --from 1000 --count 20]`.
// Plays every scenario of the simulator for each seed (no chain: planToEvents), runs the detectors and scores
// them against the plan's ground truth: pairwise F1 of inferred entities, precision and recall per role, and
// rug-risk average precision / ROC AUC for "rugs within one hour" at 60 s and 5 min beside the top-10 holder
// share alone. Thresholds were tuned on seeds 1–10; the default evaluation seeds are 1000–1019.
import { averagePrecision } from '../packages/forensics/src/eval/averagePrecision.ts'
import {
  evaluatedRoles,
  evaluateMarket,
  type MarketEvaluation,
} from '../packages/forensics/src/eval/evaluateMarket.ts'
import { rocAuc } from '../packages/forensics/src/eval/rocAuc.ts'
import { scenarios } from '../packages/forensics/src/sim/MarketPlan.ts'
import { planMarket } from '../packages/forensics/src/sim/planMarket.ts'

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const from = arg('from', 1000)
const count = arg('count', 20)
const started = performance.now()
const results: MarketEvaluation[] = []
for (let seed = from; seed < from + count; seed++) {
  for (const scenario of scenarios) results.push(evaluateMarket(planMarket({ seed, scenario })))
}
const seconds = (performance.now() - started) / 1000

let both = 0
let predicted = 0
let truth = 0
for (const r of results) {
  both += r.entities.both
  predicted += r.entities.predictedPairs
  truth += r.entities.truePairs
}
const precision = predicted === 0 ? 1 : both / predicted
const recall = truth === 0 ? 1 : both / truth
const f1 = (2 * precision * recall) / (precision + recall)
const perMarket = results.map((r) => r.entities.f1)
const roles = Object.fromEntries(
  evaluatedRoles.map((role) => {
    const t = results.reduce(
      (a, r) => ({ tp: a.tp + r.roles[role].tp, fp: a.fp + r.roles[role].fp, fn: a.fn + r.roles[role].fn }),
      { tp: 0, fp: 0, fn: 0 },
    )
    return [role, { ...t, precision: t.tp / (t.tp + t.fp || 1), recall: t.tp / (t.tp + t.fn || 1) }]
  }),
)
const labels = results.map((r) => r.rugWithinHour)
const risk = Object.fromEntries(
  (['60', '300'] as const).map((at) => {
    const score = results.map((r) => r.risk[at].score)
    const top10 = results.map((r) => r.risk[at].top10)
    return [
      `${at}s`,
      {
        score: { ap: averagePrecision(score, labels), auc: rocAuc(score, labels) },
        top10Baseline: { ap: averagePrecision(top10, labels), auc: rocAuc(top10, labels) },
      },
    ]
  }),
)
const anyRug = results.map((r) => r.rugs)
const riskAnyRug = Object.fromEntries(
  (['60', '300'] as const).map((at) => [
    `${at}s`,
    {
      score: {
        ap: averagePrecision(
          results.map((r) => r.risk[at].score),
          anyRug,
        ),
        auc: rocAuc(
          results.map((r) => r.risk[at].score),
          anyRug,
        ),
      },
      top10Baseline: {
        ap: averagePrecision(
          results.map((r) => r.risk[at].top10),
          anyRug,
        ),
        auc: rocAuc(
          results.map((r) => r.risk[at].top10),
          anyRug,
        ),
      },
    },
  ]),
)
const summary = {
  seeds: `${from}-${from + count - 1}`,
  markets: results.length,
  events: results.reduce((a, r) => a + r.events, 0),
  entities: {
    pairwise: { precision, recall, f1 },
    perMarketF1: {
      mean: perMarket.reduce((a, b) => a + b, 0) / perMarket.length,
      min: Math.min(...perMarket),
    },
  },
  roles,
  rugWithinHour: { positives: labels.filter(Boolean).length, negatives: labels.filter((l) => !l).length },
  risk,
  rugsAtAll: { positives: anyRug.filter(Boolean).length, risk: riskAnyRug },
  seconds,
}

const f = (x: number) => x.toFixed(3)
const lines = [
  `forensics evaluation on seeds ${summary.seeds} (${summary.markets} markets, ${summary.events} events, ${seconds.toFixed(1)} s)`,
  `entities: pairwise precision ${f(precision)} recall ${f(recall)} F1 ${f(f1)} (per market mean ${f(summary.entities.perMarketF1.mean)}, min ${f(summary.entities.perMarketF1.min)})`,
  ...evaluatedRoles.map((role) => {
    const r = roles[role]!
    return `  ${role.padEnd(8)} precision ${f(r.precision)} recall ${f(r.recall)}  (tp ${r.tp}, fp ${r.fp}, fn ${r.fn})`
  }),
  `rug within one hour: ${summary.rugWithinHour.positives} positives, ${summary.rugWithinHour.negatives} negatives`,
  ...Object.entries(risk).map(
    ([at, r]) =>
      `  at ${at.padEnd(4)} score AP ${f(r.score.ap)} AUC ${f(r.score.auc)} | top-10 baseline AP ${f(r.top10Baseline.ap)} AUC ${f(r.top10Baseline.auc)}`,
  ),
]
lines.push(`secondary label, rugs at all: ${summary.rugsAtAll.positives} positives`)
for (const [at, r] of Object.entries(riskAnyRug)) {
  lines.push(
    `  at ${at.padEnd(4)} score AP ${f(r.score.ap)} AUC ${f(r.score.auc)} | top-10 baseline AP ${f(r.top10Baseline.ap)} AUC ${f(r.top10Baseline.auc)}`,
  )
}
for (const r of results.filter((r) => r.entities.f1 < 1)) {
  lines.push(`  imperfect clustering: seed ${r.seed} ${r.scenario} F1 ${f(r.entities.f1)}`)
}
process.stdout.write(`${lines.join('\n')}\n${JSON.stringify(summary)}\n`)
