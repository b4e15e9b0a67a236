/** Precision, recall and F1 of the wallet pairs put in the same entity. */
export type PairwiseScores = {
  precision: number
  recall: number
  f1: number
  truePairs: number
  predictedPairs: number
}

/**
 * Pairwise clustering score: a pair of wallets is "positive" when both are in the same entity. Compares
 * the inferred entity of each wallet with the true one over the wallets both maps know. With no positive
 * pair on a side, its precision or recall is 1 (nothing to get wrong).
 *
 * @example
 * pairwiseF1(new Map([['a', 'x'], ['b', 'x']]), new Map([['a', 1], ['b', 1]])).f1 // 1
 */
export function pairwiseF1(predicted: Map<string, string>, truth: Map<string, string>): PairwiseScores {
  const cells = new Map<string, number>()
  const predictedSizes = new Map<string, number>()
  const truthSizes = new Map<string, number>()
  for (const [wallet, p] of predicted) {
    const t = truth.get(wallet)
    if (t === undefined) continue
    const cell = `${p}\u0000${t}`
    cells.set(cell, (cells.get(cell) ?? 0) + 1)
    predictedSizes.set(p, (predictedSizes.get(p) ?? 0) + 1)
    truthSizes.set(t, (truthSizes.get(t) ?? 0) + 1)
  }
  const pairs = (sizes: Iterable<number>) => {
    let n = 0
    for (const s of sizes) n += (s * (s - 1)) / 2
    return n
  }
  const both = pairs(cells.values())
  const predictedPairs = pairs(predictedSizes.values())
  const truePairs = pairs(truthSizes.values())
  const precision = predictedPairs === 0 ? 1 : both / predictedPairs
  const recall = truePairs === 0 ? 1 : both / truePairs
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { precision, recall, f1, truePairs, predictedPairs }
}
