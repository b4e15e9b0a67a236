import type { MarketScript } from '../createPlanBuilder.ts'

/**
 * Late conviction buyers (3–5 whales, 10–25 ETH each, 1,500–2,400 s after the launch) push the curve over the
 * line; if it is still open, one last buyer takes what is left at 2,500 s (the buy is capped, the rest refunded).
 *
 * @example
 * pushToCompletion(b, 80)
 */
export function pushToCompletion(b: MarketScript, launchBlock: number): void {
  const { rng } = b
  const whales = rng.int(3, 5)
  for (let i = 0; i < whales; i++) {
    b.buy(launchBlock + rng.int(1500, 2400), b.wallet('organic', `whale-${i}`), rng.ether(10, 25))
  }
  b.buy(launchBlock + 2500, b.wallet('organic', 'closer'), rng.ether(90, 95))
}
