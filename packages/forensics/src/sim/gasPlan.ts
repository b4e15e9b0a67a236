import type { PlanAction } from './MarketPlan.ts'

/** Max fee per gas every simulated transaction offers (2 gwei). */
export const SIM_MAX_FEE_PER_GAS = 2_000_000_000n

/** Gas limit per action type (a buy may migrate the curve, hence its headroom; pool swaps go to the pair directly). */
export const SIM_GAS_LIMITS: Record<PlanAction['type'], bigint> = {
  fund: 21_000n,
  launch: 6_000_000n,
  buy: 1_000_000n,
  sell: 250_000n,
  approve: 100_000n,
  transfer: 100_000n,
  wrap: 60_000n,
  poolPay: 80_000n,
  swap: 200_000n,
  liquidity: 250_000n,
}

/**
 * Wei a wallet must hold to send one transaction of `type` (gas limit × max fee), on top of its value.
 *
 * @example
 * gasReserve('buy') // 2_000_000_000_000_000n
 */
export function gasReserve(type: PlanAction['type']): bigint {
  return SIM_GAS_LIMITS[type] * SIM_MAX_FEE_PER_GAS
}
