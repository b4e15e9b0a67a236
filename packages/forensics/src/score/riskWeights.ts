/** Weight (log-odds per unit) and cap of each rug-risk signal, and the bias. */
export type RiskWeights = Record<string, { weight: number; cap: number }> & {
  bias: { weight: number; cap: number }
}

/**
 * Rug-risk weights, set by hand and checked on simulator seeds 1–10 only (the evaluation uses other seeds).
 * Shares are of total supply; counts are wallets.
 *
 * @example
 * riskWeights.devSideShare.weight // 40
 */
export const riskWeights: RiskWeights = {
  bias: { weight: -3, cap: 1 },
  devSideShare: { weight: 15, cap: 0.3 },
  insiderWallets: { weight: 0.3, cap: 5 },
  bundleShare: { weight: 30, cap: 0.2 },
  cabalShare: { weight: 30, cap: 0.3 },
  sniperShare: { weight: 5, cap: 0.1 },
  top10Share: { weight: 6, cap: 0.6 },
  freshShare: { weight: 1, cap: 0.5 },
  devSideSold: { weight: 3, cap: 1 },
  cabalSold: { weight: 3, cap: 1 },
  liquidityRemoved: { weight: 6, cap: 1 },
  washVolumeShare: { weight: -1, cap: 1 },
}
