// Calibrates the rug-risk weights: `npm run fit:forensics-risk [-- --from 1 --count 400]`.
// Plays every scenario of the simulator for each tuning seed, reads each signal's capped value 60 s and 5 min after
// the launch (`rugRiskAt`, nothing from the future), and fits one logistic regression over both checkpoints for
// the label "rugs within one hour" (ridge-penalised, `fitLogistic`). Prints the weights to paste into
// `packages/forensics/src/score/riskWeights.ts`, a 2-fold check (fit on one half of the seeds, score the other)
// and the in-sample AP / AUC beside the top-10 baseline. Refuses the held-out seeds 1000–1019.
import { averagePrecision } from '../packages/forensics/src/eval/averagePrecision.ts'
import { fitLogistic } from '../packages/forensics/src/eval/fitLogistic.ts'
import { rocAuc } from '../packages/forensics/src/eval/rocAuc.ts'
import { riskWeights } from '../packages/forensics/src/score/riskWeights.ts'
import { rugRiskAt } from '../packages/forensics/src/score/rugRiskAt.ts'
import { scenarios } from '../packages/forensics/src/sim/MarketPlan.ts'
import { planMarket } from '../packages/forensics/src/sim/planMarket.ts'
import { planToEvents } from '../packages/forensics/src/sim/planToEvents.ts'

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const from = arg('from', 1)
const count = arg('count', 400)
if (from < 1020 && from + count > 1000) {
  process.stderr.write('seeds 1000–1019 are held out for the evaluation: fit on other seeds\n')
  process.exit(2)
}
// Kept as set by hand, not fitted: a cabal selling and a pool being pulled (almost never seen by 5 min, they are
// evidence of a rug under way) and fresh wallets (on the simulator nearly every early wallet is fresh, so the
// share duplicates concentration and the fit only trades one against the other).
const fixed = new Set(['cabalSold', 'liquidityRemoved', 'freshShare'])
const names = Object.keys(riskWeights).filter((n) => n !== 'bias' && !fixed.has(n))
type Row = { seed: number; at: number; label: boolean; x: number[]; top10: number }
const data: Row[] = []
for (let seed = from; seed < from + count; seed++) {
  for (const scenario of scenarios) {
    const plan = planMarket({ seed, scenario })
    const events = planToEvents(plan)
    const token = plan.tokens[0]!.address
    const rug = plan.truth.rugs.find((r) => r.token === token)
    const label = rug !== undefined && rug.kind !== 'none' && (rug.secondsAfterLaunch ?? Infinity) <= 3600
    for (const at of [60, 300]) {
      const risk = rugRiskAt({ events, token, secondsAfterLaunch: at })
      const value = new Map(risk.signals.map((s) => [s.name, s.value]))
      const x = names.map((n) => Math.min(value.get(n) ?? 0, riskWeights[n]!.cap))
      data.push({ seed, at, label, x, top10: risk.top10Share })
    }
  }
}
const train = (rows: Row[]) => fitLogistic({ rows: rows.map((r) => r.x), labels: rows.map((r) => r.label) })
const score = (f: ReturnType<typeof train>, r: Row) =>
  f.bias + r.x.reduce((a, v, j) => a + v * f.weights[j]!, 0)
const metrics = (rows: Row[], s: number[]) => ({
  ap: averagePrecision(
    s,
    rows.map((r) => r.label),
  ),
  auc: rocAuc(
    s,
    rows.map((r) => r.label),
  ),
})
const half = from + Math.floor(count / 2)
const folds = [0, 1].map((k) => {
  const rows = data.filter((r) => r.seed < half === (k === 0))
  const f = train(rows)
  return data.filter((r) => r.seed < half !== (k === 0)).map((r) => ({ r, s: score(f, r) }))
})
const final = train(data)
const report = (at: number) => {
  const rows = data.filter((r) => r.at === at)
  const cv = folds.flat().filter(({ r }) => r.at === at)
  return {
    crossFitted: metrics(
      cv.map(({ r }) => r),
      cv.map(({ s }) => s),
    ),
    inSample: metrics(
      rows,
      rows.map((r) => score(final, r)),
    ),
    top10Baseline: metrics(
      rows,
      rows.map((r) => r.top10),
    ),
  }
}
const weights: Record<string, { weight: number; cap: number }> = Object.fromEntries([
  ['bias', { weight: final.bias, cap: 1 }],
  ...names.map((n, j) => [
    n,
    { weight: final.constant[j] ? riskWeights[n]!.weight : final.weights[j]!, cap: riskWeights[n]!.cap },
  ]),
  ...[...fixed].map((n) => [n, riskWeights[n]!]),
])
const summary = {
  seeds: `${from}-${from + count - 1}`,
  markets: data.length / 2,
  notFitted: [...fixed, ...names.filter((_, j) => final.constant[j])],
  risk: { '60s': report(60), '300s': report(300) },
  weights,
}
const f3 = (x: number) => Math.round(x * 1000) / 1000
const lines = [
  `rug-risk fit on tuning seeds ${summary.seeds} (${summary.markets} markets, checkpoints 60 s and 300 s pooled)`,
  `not fitted (weight kept as set by hand): ${summary.notFitted.join(', ') || 'none'}`,
  ...Object.entries(summary.risk).map(
    ([at, r]) =>
      `  at ${at.padEnd(4)} 2-fold AP ${f3(r.crossFitted.ap)} AUC ${f3(r.crossFitted.auc)} | in-sample AP ${f3(r.inSample.ap)} AUC ${f3(r.inSample.auc)} | top-10 AP ${f3(r.top10Baseline.ap)} AUC ${f3(r.top10Baseline.auc)}`,
  ),
  'weights:',
  ...Object.entries(weights).map(([n, w]) => `  ${n}: { weight: ${f3(w.weight)}, cap: ${w.cap} },`),
]
process.stdout.write(`${lines.join('\n')}\n${JSON.stringify(summary)}\n`)
