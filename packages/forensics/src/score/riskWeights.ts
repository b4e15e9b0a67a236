/** Weight (log-odds per unit) and cap of each rug-risk signal, and the bias. */
export type RiskWeights = Record<string, { weight: number; cap: number }> & {
  bias: { weight: number; cap: number }
}

/**
 * Rug-risk weights: a logistic regression for "rugs within one hour", fitted by `npm run fit:forensics-risk`
 * on simulator seeds 1–400 at both checkpoints (60 s and 5 min after launch, pooled); the evaluation uses the
 * held-out seeds 1000–1019. Shares are of total supply; counts are wallets; each value is capped first.
 * Not fitted, set by hand: `cabalSold` and `liquidityRemoved` (a rug under way, almost never seen by 5 min) and
 * `freshShare` (shown as evidence; on the simulator it duplicates concentration). `top10Share` weighs against:
 * once the dev side's, bundles', cabal's and snipers' holdings are counted, what concentration remains is held
 * by ordinary early buyers, which on the simulator goes with honest launches.
 *
 * @example
 * riskWeights.bundleShare.cap // 0.05
 */
export const riskWeights: RiskWeights = {
  bias: { weight: -2.734, cap: 1 },
  devSideShare: { weight: 3.466, cap: 0.3 },
  insiderWallets: { weight: 0.234, cap: 5 },
  bundleShare: { weight: 17.34, cap: 0.05 },
  cabalShare: { weight: 57.161, cap: 0.05 },
  sniperShare: { weight: 6.235, cap: 0.1 },
  top10Share: { weight: -1.477, cap: 0.6 },
  sniperWallets: { weight: 0.24, cap: 5 },
  devSideSold: { weight: 2.342, cap: 1 },
  washVolumeShare: { weight: -3.134, cap: 1 },
  cabalSold: { weight: 3, cap: 1 },
  liquidityRemoved: { weight: 6, cap: 1 },
  freshShare: { weight: 0, cap: 0.5 },
}
