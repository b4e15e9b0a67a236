import type { Address, Hex } from 'viem'

/** The market scenarios the simulator plays. */
export type Scenario =
  | 'organic'
  | 'slow-rug'
  | 'hard-rug'
  | 'cabal'
  | 'wash'
  | 'pool-rug'
  | 'pool-cabal'
  | 'pool-wash'

/** The launch-phase scenarios, in a stable order: the set the forensics evaluation scores. */
export const scenarios: readonly Scenario[] = ['organic', 'slow-rug', 'hard-rug', 'cabal', 'wash']

/**
 * Scenarios that reach the curve's migration and play their rug, dump or wash trading in the Uniswap V2 pool
 * afterwards.
 *
 * @example
 * for (const scenario of poolScenarios) planMarket({ seed: 1, scenario }).truth.migrations // one each
 */
export const poolScenarios: readonly Scenario[] = ['pool-rug', 'pool-cabal', 'pool-wash']

/**
 * Every scenario (for CLIs): the launch-phase ones, then the pool ones.
 *
 * @example
 * new Option('--scenario <name>').choices(allScenarios)
 */
export const allScenarios: readonly Scenario[] = [...scenarios, ...poolScenarios]

/**
 * What a simulated wallet does. The first nine are the behaviours forensics must find; `exchange` (a hot wallet
 * that funds many unrelated wallets) and `funder` (a hop or hub that only moves coin inside one entity) make the
 * funding graph realistic. `lead` is a wallet whose buys others follow: the cabal's lead or a well-known wallet
 * (whose followers are each their own entity).
 */
export type Role =
  | 'organic'
  | 'dev'
  | 'insider'
  | 'bundler'
  | 'sniper'
  | 'cabal'
  | 'lead'
  | 'follower'
  | 'wash'
  | 'exchange'
  | 'funder'

/** One simulated wallet: its key (derived from the seed), role and the entity that controls it. */
export type PlanWallet = { address: Address; privateKey: Hex; role: Role; entity: string }

/** A token the plan launches: its index in `plan.tokens` is how actions refer to it. */
export type PlanToken = { name: string; symbol: string; creator: Address; address: Address; pair: Address }

type ActionBase = {
  /** Logical block (time `offset * blockTime` after the origin): actions with the same offset share a block, in list order. */
  block: number
}

/** One step of the plan, executed as one transaction. */
export type PlanAction =
  | (ActionBase & { type: 'fund'; from: Address; to: Address; amount: bigint })
  | (ActionBase & { type: 'launch'; wallet: Address; token: number; value: bigint })
  | (ActionBase & { type: 'buy'; wallet: Address; token: number; value: bigint })
  | (ActionBase & { type: 'sell'; wallet: Address; token: number; tokenAmount: bigint })
  | (ActionBase & { type: 'approve'; wallet: Address; token: number })
  | (ActionBase & { type: 'transfer'; from: Address; to: Address; token: number; amount: bigint })
  /** Wraps coin into WETH (`WETH9.deposit`), to pay a pool buy. */
  | (ActionBase & { type: 'wrap'; wallet: Address; value: bigint })
  /**
   * Sends WETH (`asset: 'native'`), the token or the pair's own LP tokens (`lp`) to the token's pair: the input
   * of the `swap` or `liquidity` that follows.
   */
  | (ActionBase & {
      type: 'poolPay'
      wallet: Address
      token: number
      asset: 'native' | 'token' | 'lp'
      amount: bigint
    })
  /** `UniswapV2Pair.mint` (add) or `burn` (remove) to the wallet, after the `poolPay`s that fund it. */
  | (ActionBase & {
      type: 'liquidity'
      wallet: Address
      token: number
      action: 'add' | 'remove'
      /** LP tokens minted or burned. */
      liquidity: bigint
      nativeAmount: bigint
      tokenAmount: bigint
    })
  /** `UniswapV2Pair.swap` after a `poolPay`: `amountOut` of the other asset to the wallet. */
  | (ActionBase & {
      type: 'swap'
      wallet: Address
      token: number
      side: 'buy' | 'sell'
      amountIn: bigint
      amountOut: bigint
    })

/** How a token ended: no rug, a slow bleed by the dev's side, or a hard dump (by the dev's side or a cabal). */
export type RugTruth = {
  token: Address
  kind: 'slow' | 'hard' | 'none'
  /** Who pulled it: the dev's entity or the cabal's. Absent when `kind` is `none`. */
  by?: 'dev' | 'cabal'
  /** Block offset of the first exit sell; absent when `kind` is `none`. */
  atBlockOffset?: number
  /** Seconds from the launch to the first exit sell; absent when `kind` is `none`. */
  secondsAfterLaunch?: number
  /** Where the first exit sell traded: the bonding curve or the Uniswap V2 pool; absent when `kind` is `none`. */
  venue?: 'curve' | 'pool'
}

/** A token whose curve completed and migrated to its Uniswap V2 pair. */
export type MigrationTruth = {
  token: Address
  pair: Address
  atBlockOffset: number
  secondsAfterLaunch: number
}

/** Liquidity a wallet added to or pulled from a Uniswap V2 pool (amounts as decimal strings). */
export type PoolLiquidityTruth = {
  token: Address
  wallet: Address
  role: Role
  entity: string
  action: 'add' | 'remove'
  atBlockOffset: number
  nativeAmount: string
  tokenAmount: string
}

/** One trade in a Uniswap V2 pool (amounts in base units as decimal strings: the truth is plain JSON). */
export type PoolTradeTruth = {
  token: Address
  wallet: Address
  role: Role
  entity: string
  side: 'buy' | 'sell'
  atBlockOffset: number
  /** WETH into the pool (buy) or out of it (sell), the pool's 0.3% fee included. */
  nativeAmount: string
  tokenAmount: string
}

/** What really happened, for scoring forensics: who is whom, who follows whom, which token rugged and when. */
export type GroundTruth = {
  seed: number
  scenario: Scenario
  /** Entity id → its wallets. */
  entities: Record<string, Address[]>
  /** Wallet → role. */
  roles: Record<Address, Role>
  /** Lead wallets and the wallets that follow their buys. */
  leads: { lead: Address; followers: Address[]; entity: string }[]
  rugs: RugTruth[]
  /** Block offset of each token's launch. */
  launches: { token: Address; atBlockOffset: number; creator: Address }[]
  /** Tokens that migrated to their pool, and when. */
  migrations: MigrationTruth[]
  /** Every trade through a Uniswap V2 pool after a migration, in order: who bought and sold when. */
  poolTrades: PoolTradeTruth[]
  /** Liquidity wallets added to or pulled from a pool after its migration, in order. */
  poolLiquidity: PoolLiquidityTruth[]
}

/** Contract addresses of a deployment (derived from the operator key, so the same on any fresh chain). */
export type PlanDeployment = { operator: Address; weth: Address; factory: Address; launchpad: Address }

/** A complete, seeded market: wallets, deployment, ordered actions and the ground truth. */
export type MarketPlan = {
  seed: number
  scenario: Scenario
  /** Chain id the events are labelled with (anvil: 31337). */
  chainId: number
  /** Key that deploys the contracts (nonces 0, 1, 2: WETH9, UniswapV2Factory, Launchpad). */
  operatorKey: Hex
  deployment: PlanDeployment
  /** Who funds the exchanges at offset 0 (anvil's first dev account by default). */
  funder: Address
  /**
   * Block and unix time of offset 0. Offsets are logical time (`blockTime` seconds each): only offsets with
   * actions become blocks, numbered consecutively from `origin.block`.
   */
  origin: { block: number; timestamp: number }
  blockTime: number
  feeBps: number
  migrationFee: bigint
  wallets: PlanWallet[]
  tokens: PlanToken[]
  actions: PlanAction[]
  truth: GroundTruth
}
