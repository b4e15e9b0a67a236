/** Thresholds of the detectors (defaults tuned on simulator seeds 1–10 only). */
export type AnalysisOptions = {
  /** Most funding hops between the dev and an insider (default 4). */
  insiderMaxHops: number
  /** A sniper's first buy lands after the launch block, within this many seconds of the launch (default 3). */
  sniperSeconds: number
  /** Entries of coordinated wallets fall within this many seconds (default 10). */
  coordinationSeconds: number
  /** Share of a funder's trading children that must enter together for it to be private (default 0.9). */
  coordinationShare: number
  /** Followers buy within this many seconds after the lead's buy (default 5)… */
  followEntrySeconds: number
  /** …and sell within this many seconds after the lead's first sell (default 10). */
  followExitSeconds: number
  /** A wallet is fresh when first funded at most this many seconds before its first buy (default 900). */
  freshSeconds: number
  /** An entity's net position at most this share of what it bought counts as netting to zero (default 0.05). */
  washNetShare: number
}

/**
 * The default detector thresholds.
 *
 * @example
 * const options = { ...defaultAnalysisOptions, sniperSeconds: 5 }
 */
export const defaultAnalysisOptions: AnalysisOptions = {
  insiderMaxHops: 4,
  sniperSeconds: 3,
  coordinationSeconds: 10,
  coordinationShare: 0.9,
  followEntrySeconds: 5,
  followExitSeconds: 10,
  freshSeconds: 900,
  washNetShare: 0.05,
}
