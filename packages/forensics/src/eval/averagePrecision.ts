/**
 * Average precision of a ranking: the mean, over the positives, of the precision at each positive's rank
 * (ties ranked pessimistically: negatives first). `NaN` when there is no positive.
 *
 * @example
 * averagePrecision([0.9, 0.8, 0.1], [true, false, true]) // (1/1 + 2/3) / 2
 */
export function averagePrecision(scores: readonly number[], labels: readonly boolean[]): number {
  const order = scores
    .map((score, i) => ({ score, label: labels[i] === true }))
    .sort((a, b) => b.score - a.score || Number(a.label) - Number(b.label))
  const positives = order.filter((o) => o.label).length
  if (positives === 0) return Number.NaN
  let hits = 0
  let sum = 0
  order.forEach((o, i) => {
    if (!o.label) return
    hits++
    sum += hits / (i + 1)
  })
  return sum / positives
}
