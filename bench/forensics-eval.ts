// Forensics evaluation: `npm run eval:forensics [-- --from 1000 --count 20]`.
// Plays every scenario of the simulator for each seed (no chain: planToEvents), runs the detectors and scores
// them against the plan's ground truth: pairwise F1 of inferred entities, precision and recall per role, and
// rug-risk average precision / ROC AUC for "rugs within one hour" at 60 s and 5 min beside the top-10 holder
// share alone. Three sections: the original five launch scenarios (the historical table, unchanged), the three
// post-migration pool scenarios, and all eight together. Thresholds were tuned on seeds 1–10 and the risk
// weights fitted on seeds 1–400 (five launch scenarios); the default evaluation seeds are 1000–1019.
import { averagePrecision } from '../packages/forensics/src/eval/averagePrecision.ts'
import {
  evaluatedRoles,
  evaluateMarket,
  type MarketEvaluation,
} from '../packages/forensics/src/eval/evaluateMarket.ts'
import { rocAuc } from '../packages/forensics/src/eval/rocAuc.ts'
import { poolScenarios, scenarios } from '../packages/forensics/src/sim/MarketPlan.ts'
import { planMarket } from '../packages/forensics/src/sim/planMarket.ts'

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const from = arg('from', 1000)
const count = arg('count', 20)
const started = performance.now()
const launch: MarketEvaluation[] = []
const pool: MarketEvaluation[] = []
for (let seed = from; seed < from + count; seed++) {
  for (const scenario of scenarios) launch.push(evaluateMarket(planMarket({ seed, scenario })))
  for (const scenario of poolScenarios) pool.push(evaluateMarket(planMarket({ seed, scenario })))
}
const seconds = (performance.now() - started) / 1000

const ranking = (results: MarketEvaluation[], labels: boolean[]) =>
  Object.fromEntries(
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

/** The figures of one set of markets. */
const summarize = (results: MarketEvaluation[]) => {
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
  const anyRug = results.map((r) => r.rugs)
  return {
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
    risk: ranking(results, labels),
    rugsAtAll: { positives: anyRug.filter(Boolean).length, risk: ranking(results, anyRug) },
  }
}

const f = (x: number) => x.toFixed(3)
const riskLine = (at: string, r: ReturnType<typeof ranking>[string]) =>
  `  at ${at.padEnd(4)} score AP ${f(r.score.ap)} AUC ${f(r.score.auc)} | top-10 baseline AP ${f(r.top10Baseline.ap)} AUC ${f(r.top10Baseline.auc)}`
const report = (title: string, results: MarketEvaluation[], s: ReturnType<typeof summarize>) => [
  `${title} (${s.markets} markets, ${s.events} events)`,
  `entities: pairwise precision ${f(s.entities.pairwise.precision)} recall ${f(s.entities.pairwise.recall)} F1 ${f(s.entities.pairwise.f1)} (per market mean ${f(s.entities.perMarketF1.mean)}, min ${f(s.entities.perMarketF1.min)})`,
  ...evaluatedRoles.map((role) => {
    const r = s.roles[role]!
    return `  ${role.padEnd(8)} precision ${f(r.precision)} recall ${f(r.recall)}  (tp ${r.tp}, fp ${r.fp}, fn ${r.fn})`
  }),
  `rug within one hour: ${s.rugWithinHour.positives} positives, ${s.rugWithinHour.negatives} negatives`,
  ...Object.entries(s.risk).map(([at, r]) => riskLine(at, r)),
  `secondary label, rugs at all: ${s.rugsAtAll.positives} positives`,
  ...Object.entries(s.rugsAtAll.risk).map(([at, r]) => riskLine(at, r)),
  ...results
    .filter((r) => r.entities.f1 < 1)
    .map((r) => `  imperfect clustering: seed ${r.seed} ${r.scenario} F1 ${f(r.entities.f1)}`),
]

const seeds = `${from}-${from + count - 1}`
const launchSummary = summarize(launch)
const poolSummary = summarize(pool)
const allSummary = summarize([...launch, ...pool])
// The top level keeps the historical shape (the five launch scenarios); pool and all are added beside it.
const summary = {
  seeds,
  ...launchSummary,
  pool: { scenarios: poolScenarios, ...poolSummary },
  all: allSummary,
  seconds,
}
const lines = [
  `forensics evaluation on seeds ${seeds} (${seconds.toFixed(1)} s)`,
  ...report(`== launch scenarios: ${scenarios.join(', ')}`, launch, launchSummary),
  ...report(`== pool scenarios: ${poolScenarios.join(', ')}`, pool, poolSummary),
  ...report('== all eight scenarios', [], allSummary),
]
process.stdout.write(`${lines.join('\n')}\n${JSON.stringify(summary)}\n`)
