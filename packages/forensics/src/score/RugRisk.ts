/** One signal of the rug-risk score: what was measured, how much it weighs, what it added. */
export type RiskSignal = {
  name: string
  /** The measured value (a share in 0..1, or a count). */
  value: number
  /** Log-odds added per unit of `value` (after capping at `cap`). */
  weight: number
  /** Values above this add no more. */
  cap: number
  /** `weight × min(value, cap)`: this signal's part of the score, in log-odds. */
  contribution: number
  /** The evidence in words, naming wallets and amounts. */
  evidence: string
}

/** The rug-risk score of a token at a moment, with the evidence signal by signal. */
export type RugRisk = {
  token: string
  /** Seconds after the launch the score describes. */
  secondsAfterLaunch: number
  /** Probability-like score in 0..1: `sigmoid(bias + Σ contributions)`. */
  score: number
  level: 'low' | 'elevated' | 'high'
  bias: number
  signals: RiskSignal[]
  /** The baseline the score is compared with: share of supply held by the ten largest holders. */
  top10Share: number
}
