/**
 * Area under the ROC curve: the probability that a random positive scores above a random negative (ties
 * count one half). `NaN` when either class is empty.
 *
 * @example
 * rocAuc([0.9, 0.2, 0.4], [true, false, false]) // 1
 */
export function rocAuc(scores: readonly number[], labels: readonly boolean[]): number {
  const pos = scores.filter((_, i) => labels[i] === true)
  const neg = scores.filter((_, i) => labels[i] !== true)
  if (pos.length === 0 || neg.length === 0) return Number.NaN
  let wins = 0
  for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0
  return wins / (pos.length * neg.length)
}
