/** Thresholds of the detectors (defaults tuned on simulator seeds 1–10 only). */
export type AnalysisOptions = {
  /** Most funding hops between the dev and an insider (default 4). */
  insiderMaxHops: number
  /** A sniper's first buy lands within this many blocks after the launch block (default 3). */
  sniperBlocks: number
  /** Entries of coordinated wallets fall within this many blocks (default 10). */
  coordinationBlocks: number
  /** Share of a funder's trading children that must enter together for it to be private (default 0.9). */
  coordinationShare: number
  /** Followers buy within this many blocks after the lead's buy (default 5)… */
  followEntryBlocks: number
  /** …and sell within this many blocks after the lead's first sell (default 10). */
  followExitBlocks: number
  /** A wallet is fresh when first funded at most this many seconds before its first buy (default 900). */
  freshSeconds: number
  /** An entity's net position at most this share of what it bought counts as netting to zero (default 0.05). */
  washNetShare: number
}

/**
 * The default detector thresholds.
 *
 * @example
 * const options = { ...defaultAnalysisOptions, sniperBlocks: 5 }
 */
export const defaultAnalysisOptions: AnalysisOptions = {
  insiderMaxHops: 4,
  sniperBlocks: 3,
  coordinationBlocks: 10,
  coordinationShare: 0.9,
  followEntryBlocks: 5,
  followExitBlocks: 10,
  freshSeconds: 900,
  washNetShare: 0.05,
}
