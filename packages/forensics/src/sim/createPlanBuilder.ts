import { type Address, type Hex, keccak256, toHex } from 'viem'
import { privateKeyToAddress } from 'viem/accounts'
import type { Rng } from './createRng.ts'
import { derivePlanDeployment, launchedTokenAddress, uniswapPairAddress } from './derivePlanDeployment.ts'
import { devAddresses } from './devAddresses.ts'
import type { GroundTruth, MarketPlan, PlanWallet, Role, Scenario } from './MarketPlan.ts'
import { planFunding } from './planFunding.ts'
import { type Intent, type IntentInput, resolveIntents } from './resolveIntents.ts'

/** Parameters of {@link createPlanBuilder}. */
export type PlanBuilderParameters = {
  seed: number
  scenario: Scenario
  rng: Rng
  tokenName: string
  tokenSymbol: string
}

/** What scenario scripts call to cast wallets and script their behaviour; `build` resolves it into a plan. */
export type PlanBuilder = {
  rng: Rng
  /** A new wallet; `fundedBy` (default: a random exchange) sends it its coin before its first move. */
  wallet(role: Role, entity: string, fundedBy?: Address): Address
  /** One of the exchanges' hot wallets. */
  exchange(): Address
  launch(block: number, dev: Address, value: bigint): void
  buy(block: number, wallet: Address, value: bigint): void
  /** Sells `fraction` of what the wallet holds at that point (1 = everything). */
  sell(block: number, wallet: Address, fraction: number): void
  transfer(block: number, from: Address, to: Address, fraction: number): void
  lead(lead: Address, followers: Address[], entity: string): void
  /** Declares the rug: the first sell by `entity`'s wallets at or after `fromBlock` is its moment. */
  rug(kind: 'slow' | 'hard', by: 'dev' | 'cabal', entity: string, fromBlock: number): void
  build(): MarketPlan
}

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
  const push = (intent: IntentInput) => intents.push({ ...intent, seq: intents.length } as Intent)

  return {
    rng,
    wallet: (role, entity, fundedBy) => addWallet(role, entity, fundedBy ?? rng.pick(exchanges)),
    exchange: () => rng.pick(exchanges),
    launch: (block, wallet, value) => push({ kind: 'launch', block, wallet, value }),
    buy: (block, wallet, value) => push({ kind: 'buy', block, wallet, value }),
    sell: (block, wallet, fraction) => push({ kind: 'sell', block, wallet, fraction }),
    transfer: (block, from, to, fraction) => push({ kind: 'transfer', block, wallet: from, to, fraction }),
    lead: (lead, followers, entity) => leads.push({ lead, followers, entity }),
    rug: (kind, by, entity, fromBlock) => {
      rugSpec = { kind, by, entity, fromBlock }
    },
    build: () => {
      const token = launchedTokenAddress(deployment.launchpad, 0)
      const pair = uniswapPairAddress(deployment.factory, deployment.weth, token)
      const feeBps = 100
      const resolved = resolveIntents(intents, feeBps)
      const { actions, funded } = planFunding({ rng, resolved, parents, exchanges, funder })
      const used = wallets.filter((w) => funded.has(w.address))
      const entities: Record<string, Address[]> = {}
      const roles: Record<Address, Role> = {}
      for (const w of used) {
        const members = entities[w.entity] ?? []
        members.push(w.address)
        entities[w.entity] = members
        roles[w.address] = w.role
      }
      const launchAction = actions.find((a) => a.type === 'launch')
      const launchBlock = launchAction?.block ?? 0
      const blockTime = 1
      let rug: GroundTruth['rugs'][number] = { token, kind: 'none' }
      if (rugSpec) {
        const spec = rugSpec
        const exit = actions.find(
          (a) =>
            a.type === 'sell' &&
            a.block >= spec.fromBlock &&
            wallets.find((w) => w.address === a.wallet)?.entity === spec.entity,
        )
        if (exit) {
          rug = {
            token,
            kind: spec.kind,
            by: spec.by,
            atBlockOffset: exit.block,
            secondsAfterLaunch: (exit.block - launchBlock) * blockTime,
          }
        }
      }
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
        migrationFee: 0n,
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
        },
      }
    },
  }
}
