import type { GroundTruth, MarketPlan } from './MarketPlan.ts'
import type { RunMarketReturnType } from './runMarket.ts'

/** The ground truth file: the truth plus where the market lives, so a report can be scored against it. */
export type GroundTruthFile = GroundTruth & {
  chain: string
  deployment: MarketPlan['deployment']
  tokens: { address: string; pair: string; name: string; symbol: string }[]
  origin: { block: number; timestamp: number }
  blockTime: number
  /** Block range of the chain run (absent for a plan never run). */
  blocks?: { from: number; to: number }
}

/**
 * The plan's ground truth as plain JSON data (no keys, no bigints): which wallet is whom, the leads and their
 * followers, which token rugged and when, and where the market is.
 *
 * @example
 * writeFileSync('truth.json', JSON.stringify(exportGroundTruth(plan, run), null, 2))
 */
export function exportGroundTruth(plan: MarketPlan, run?: RunMarketReturnType): GroundTruthFile {
  return {
    ...plan.truth,
    chain: `eip155:${plan.chainId}`,
    deployment: plan.deployment,
    tokens: plan.tokens.map(({ address, pair, name, symbol }) => ({ address, pair, name, symbol })),
    origin: run?.origin ?? plan.origin,
    blockTime: plan.blockTime,
    ...(run ? { blocks: { from: run.fromBlock, to: run.toBlock } } : {}),
  }
}
