import { type Address, type Hex, keccak256, toHex } from 'viem'
import { privateKeyToAddress } from 'viem/accounts'
import { SimulationError } from '../errors/SimulationError.ts'
import { createRng, type Rng } from './createRng.ts'
import { MIGRATION_TOKEN_AMOUNT, sqrt } from './curveMath.ts'
import { derivePlanDeployment, launchedTokenAddress, uniswapPairAddress } from './derivePlanDeployment.ts'
import { devAddresses } from './devAddresses.ts'
import type { GroundTruth, MarketPlan, PlanWallet, Role, Scenario } from './MarketPlan.ts'
import { planFunding } from './planFunding.ts'
import { type Intent, type IntentInput, resolveIntents } from './resolveIntents.ts'
import { resolvePoolIntents } from './resolvePoolIntents.ts'

/** Parameters of {@link createPlanBuilder}. */
export type PlanBuilderParameters = {
  seed: number
  scenario: Scenario
  rng: Rng
  tokenName: string
  tokenSymbol: string
}

/** What scenario scripts call to cast wallets and script their behaviour (in either phase of a market). */
export type MarketScript = {
  rng: Rng
  /** A new wallet; `fundedBy` (default: a random exchange) sends it its coin before its first move. */
  wallet(role: Role, entity: string, fundedBy?: Address): Address
  /** One of the exchanges' hot wallets. */
  exchange(): Address
  launch(block: number, dev: Address, value: bigint): void
  /** Buys with `value` wei: on the curve before the migration, in the Uniswap V2 pool after it. */
  buy(block: number, wallet: Address, value: bigint): void
  /** Sells `fraction` of what the wallet holds at that point (1 = everything), on the curve or in the pool. */
  sell(block: number, wallet: Address, fraction: number): void
  transfer(block: number, from: Address, to: Address, fraction: number): void
  /** Adds `value` wei of WETH and the matching tokens (capped by the holding) to the pool; after the migration. */
  addLiquidity(block: number, wallet: Address, value: bigint): void
  /** Pulls all the liquidity the wallet added to the pool. */
  removeLiquidity(block: number, wallet: Address): void
  lead(lead: Address, followers: Address[], entity: string): void
  /** Declares the rug: the first sell by `entity`'s wallets at or after `fromBlock` is its moment. */
  rug(kind: 'slow' | 'hard', by: 'dev' | 'cabal', entity: string, fromBlock: number): void
}

/** The market when its curve migrated: what a post-migration script starts from. */
export type PoolPhase = {
  /** Block offset of the buy that completed the curve and migrated it. */
  migratedAt: number
  /** Wallets holding the token then, in casting order. */
  holders: Pick<PlanWallet, 'address' | 'role' | 'entity'>[]
}

/** A scenario's post-migration script: it trades through the token's Uniswap V2 pair. */
export type PoolScript = (p: MarketScript, phase: PoolPhase) => void

/** The launch-phase script API, plus the post-migration hook and `build`. */
export type PlanBuilder = MarketScript & {
  /**
   * Scripts what happens once the curve has migrated, with its own random stream (`<seed>/<scenario>/pool`),
   * so the launch phase of a seed never changes; it runs only if the curve completes. Its intents start at
   * least {@link POOL_PHASE_DELAY} blocks after the migration (funding trees need the room).
   */
  afterMigration(script: PoolScript): void
  build(): MarketPlan
}

/**
 * Blocks between the migration and a pool script's first intent, at least.
 *
 * @example
 * p.sell(phase.migratedAt + POOL_PHASE_DELAY + 120, dev, 1)
 */
export const POOL_PHASE_DELAY = 25

const EXCHANGES = 3

/**
 * Collects a scenario's cast and intents, then resolves them against the curve into concrete actions, funds
 * every wallet through its funding tree, and writes the ground truth.
 *
 * @example
 * const b = createPlanBuilder({ seed: 1, scenario: 'organic', rng, tokenName: 'Frog', tokenSymbol: 'FROG' })
 */
export function createPlanBuilder(parameters: PlanBuilderParameters): PlanBuilder {
  const { seed, scenario, rng } = parameters
  const keyOf = (label: string): Hex => keccak256(toHex(`sextant/sim/key/${seed}/${scenario}/${label}`))
  const operatorKey = keyOf('operator')
  const deployment = derivePlanDeployment(operatorKey)
  const funder = devAddresses[0]!
  const wallets: PlanWallet[] = []
  const parents = new Map<Address, Address>()
  const intents: Intent[] = []
  let poolScript: PoolScript | undefined
  const leads: GroundTruth['leads'] = []
  let rugSpec: { kind: 'slow' | 'hard'; by: 'dev' | 'cabal'; entity: string; fromBlock: number } | undefined

  const addWallet = (role: Role, entity: string, parent: Address): Address => {
    const privateKey = keyOf(`wallet/${wallets.length}`)
    const address = privateKeyToAddress(privateKey)
    wallets.push({ address, privateKey, role, entity })
    parents.set(address, parent)
    return address
  }
  const exchanges = Array.from({ length: EXCHANGES }, (_, i) =>
    addWallet('exchange', `exchange-${i}`, funder),
  )
  const script = (rng: Rng, list: Intent[], minBlock: number): MarketScript => {
    const push = (intent: IntentInput) => {
      if (intent.block < minBlock)
        throw new SimulationError('an intent comes before its phase may start', {
          details: `${intent.kind} at offset ${intent.block}, earliest ${minBlock}`,
        })
      list.push({ ...intent, seq: list.length } as Intent)
    }
    return {
      rng,
      wallet: (role, entity, fundedBy) => addWallet(role, entity, fundedBy ?? rng.pick(exchanges)),
      exchange: () => rng.pick(exchanges),
      launch: (block, wallet, value) => push({ kind: 'launch', block, wallet, value }),
      buy: (block, wallet, value) => push({ kind: 'buy', block, wallet, value }),
      sell: (block, wallet, fraction) => push({ kind: 'sell', block, wallet, fraction }),
      transfer: (block, from, to, fraction) => push({ kind: 'transfer', block, wallet: from, to, fraction }),
      addLiquidity: (block, wallet, value) => push({ kind: 'addLiquidity', block, wallet, value }),
      removeLiquidity: (block, wallet) => push({ kind: 'removeLiquidity', block, wallet }),
      lead: (lead, followers, entity) => leads.push({ lead, followers, entity }),
      rug: (kind, by, entity, fromBlock) => {
        rugSpec = { kind, by, entity, fromBlock }
      },
    }
  }

  return {
    ...script(rng, intents, 0),
    afterMigration: (s) => {
      poolScript = s
    },
    build: () => {
      const token = launchedTokenAddress(deployment.launchpad, 0)
      const pair = uniswapPairAddress(deployment.factory, deployment.weth, token)
      const feeBps = 100
      const migrationFee = 0n
      const blockTime = 1
      const curvePhase = resolveIntents(intents, feeBps)
      const { actions, funded } = planFunding({
        rng,
        resolved: curvePhase.actions,
        parents,
        exchanges,
        funder,
      })
      const launchAction = actions.find((a) => a.type === 'launch')
      const launchBlock = launchAction?.block ?? 0
      const migratedAt = curvePhase.completedAt
      const migrations: GroundTruth['migrations'] = []
      if (migratedAt !== undefined) {
        migrations.push({
          token,
          pair,
          atBlockOffset: migratedAt,
          secondsAfterLaunch: (migratedAt - launchBlock) * blockTime,
        })
        if (poolScript) {
          const poolRng = createRng(`${seed}/${scenario}/pool`)
          const poolIntents: Intent[] = []
          const holders = wallets
            .filter((w) => (curvePhase.holdings.get(w.address) ?? 0n) > 0n)
            .map(({ address, role, entity }) => ({ address, role, entity }))
          poolScript(script(poolRng, poolIntents, migratedAt + POOL_PHASE_DELAY), { migratedAt, holders })
          const native = curvePhase.curve.realEth - migrationFee
          const pool = { token: MIGRATION_TOKEN_AMOUNT, native, lp: sqrt(MIGRATION_TOKEN_AMOUNT * native) }
          const resolved = resolvePoolIntents({ intents: poolIntents, holdings: curvePhase.holdings, pool })
          const later = planFunding({
            rng: poolRng,
            resolved,
            parents,
            exchanges,
            funder,
            fromBlock: migratedAt + 1,
          })
          actions.push(...later.actions)
          for (const w of later.funded) funded.add(w)
        }
      }
      const used = wallets.filter((w) => funded.has(w.address))
      const byAddress = new Map(used.map((w) => [w.address, w]))
      const entities: Record<string, Address[]> = {}
      const roles: Record<Address, Role> = {}
      for (const w of used) {
        const members = entities[w.entity] ?? []
        members.push(w.address)
        entities[w.entity] = members
        roles[w.address] = w.role
      }
      let rug: GroundTruth['rugs'][number] = { token, kind: 'none' }
      if (rugSpec) {
        const spec = rugSpec
        const exit = actions.find(
          (a) =>
            (a.type === 'sell' || (a.type === 'swap' && a.side === 'sell')) &&
            a.block >= spec.fromBlock &&
            byAddress.get(a.wallet)?.entity === spec.entity,
        )
        if (exit) {
          rug = {
            token,
            kind: spec.kind,
            by: spec.by,
            atBlockOffset: exit.block,
            secondsAfterLaunch: (exit.block - launchBlock) * blockTime,
            venue: exit.type === 'swap' ? 'pool' : 'curve',
          }
        }
      }
      const poolTrades = actions.flatMap((a): GroundTruth['poolTrades'] => {
        if (a.type !== 'swap') return []
        const w = byAddress.get(a.wallet)!
        const [nativeAmount, tokenAmount] =
          a.side === 'buy' ? [a.amountIn, a.amountOut] : [a.amountOut, a.amountIn]
        return [
          {
            token,
            wallet: a.wallet,
            role: w.role,
            entity: w.entity,
            side: a.side,
            atBlockOffset: a.block,
            nativeAmount: nativeAmount.toString(),
            tokenAmount: tokenAmount.toString(),
          },
        ]
      })
      const poolLiquidity = actions.flatMap((a): GroundTruth['poolLiquidity'] => {
        if (a.type !== 'liquidity') return []
        const w = byAddress.get(a.wallet)!
        return [
          {
            token,
            wallet: a.wallet,
            role: w.role,
            entity: w.entity,
            action: a.action,
            atBlockOffset: a.block,
            nativeAmount: a.nativeAmount.toString(),
            tokenAmount: a.tokenAmount.toString(),
          },
        ]
      })
      const creator = launchAction?.type === 'launch' ? launchAction.wallet : funder
      return {
        seed,
        scenario,
        chainId: 31337,
        operatorKey,
        deployment,
        funder,
        origin: { block: 100, timestamp: 1_800_000_000 },
        blockTime,
        feeBps,
        migrationFee,
        wallets: used,
        tokens: [
          { name: parameters.tokenName, symbol: parameters.tokenSymbol, creator, address: token, pair },
        ],
        actions,
        truth: {
          seed,
          scenario,
          entities,
          roles,
          leads: leads
            .filter((l) => funded.has(l.lead))
            .map((l) => ({ ...l, followers: l.followers.filter((f) => funded.has(f)) })),
          rugs: [rug],
          launches: [{ token, atBlockOffset: launchBlock, creator }],
          migrations,
          poolTrades,
          poolLiquidity,
        },
      }
    },
  }
}
