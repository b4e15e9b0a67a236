import { InvalidEventError } from '../errors/AnalysisError.ts'

/** Parameters of {@link fitLogistic}. */
export type FitLogisticParameters = {
  /** One row of feature values per example (all rows the same length). */
  rows: readonly (readonly number[])[]
  labels: readonly boolean[]
  /** Ridge penalty on the standardised weights, per example (default 0.01). */
  l2?: number
}

/** Return type of {@link fitLogistic}: weights on the raw (unstandardised) features. */
export type FitLogisticReturnType = {
  bias: number
  /** One weight per feature; 0 for a feature that never varies (nothing to learn from it). */
  weights: number[]
  /** Which features never varied in the rows. */
  constant: boolean[]
}

/**
 * Fits a ridge-penalised logistic regression by Newton's method on standardised features and returns the
 * bias and weights on the raw features, so that `sigmoid(bias + Σ weight × value)` is the fitted probability.
 * Used to calibrate the rug-risk weights on the simulator's tuning seeds (`tools/forensics-fit-risk.ts`).
 *
 * @example
 * const { bias, weights } = fitLogistic({ rows: [[0], [1], [0], [1]], labels: [false, true, false, false] })
 */
export function fitLogistic({ rows, labels, l2 = 0.01 }: FitLogisticParameters): FitLogisticReturnType {
  const n = rows.length
  const k = rows[0]?.length ?? 0
  if (n === 0 || labels.length !== n || rows.some((r) => r.length !== k)) {
    throw new InvalidEventError('invalid training set', {
      details: `${n} row(s), ${labels.length} label(s), rows must all have ${k} feature(s)`,
    })
  }
  const mean = Array.from({ length: k }, (_, j) => rows.reduce((a, r) => a + r[j]!, 0) / n)
  const sd = mean.map((m, j) => Math.sqrt(rows.reduce((a, r) => a + (r[j]! - m) ** 2, 0) / n))
  const constant = sd.map((s) => s < 1e-12)
  const z = rows.map((r) => [1, ...r.map((v, j) => (constant[j] ? 0 : (v - mean[j]!) / sd[j]!))])
  const w = new Array<number>(k + 1).fill(0)
  for (let iteration = 0; iteration < 50; iteration++) {
    const gradient = w.map((wj, j) => (j === 0 ? 0 : l2 * n * wj))
    const hessian = w.map((_, i) => w.map((__, j) => (i === j && i > 0 ? l2 * n : 0) + (i === j ? 1e-9 : 0)))
    z.forEach((x, i) => {
      const p = 1 / (1 + Math.exp(-x.reduce((a, v, j) => a + v * w[j]!, 0)))
      const y = labels[i] ? 1 : 0
      for (let a = 0; a <= k; a++) {
        gradient[a]! += (p - y) * x[a]!
        for (let b = 0; b <= k; b++) hessian[a]![b]! += p * (1 - p) * x[a]! * x[b]!
      }
    })
    const step = solve(hessian, gradient)
    let moved = 0
    step.forEach((s, j) => {
      w[j]! -= s
      moved = Math.max(moved, Math.abs(s))
    })
    if (moved < 1e-10) break
  }
  const weights = w.slice(1).map((wj, j) => (constant[j] ? 0 : wj / sd[j]!))
  const bias = w[0]! - weights.reduce((a, wj, j) => a + wj * mean[j]!, 0)
  return { bias, weights, constant }
}

/** Solves `a x = b` by Gaussian elimination with partial pivoting (a is small and positive definite). */
function solve(a: number[][], b: number[]): number[] {
  const m = a.map((row, i) => [...row, b[i]!])
  const size = b.length
  for (let c = 0; c < size; c++) {
    let pivot = c
    for (let r = c + 1; r < size; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r
    ;[m[c], m[pivot]] = [m[pivot]!, m[c]!]
    for (let r = c + 1; r < size; r++) {
      const f = m[r]![c]! / m[c]![c]!
      for (let j = c; j <= size; j++) m[r]![j]! -= f * m[c]![j]!
    }
  }
  const x = new Array<number>(size).fill(0)
  for (let r = size - 1; r >= 0; r--) {
    let s = m[r]![size]!
    for (let j = r + 1; j < size; j++) s -= m[r]![j]! * x[j]!
    x[r] = s / m[r]![r]!
  }
  return x
}
