import { SimulationError } from '../errors/SimulationError.ts'
import { createPlanBuilder } from './createPlanBuilder.ts'
import { createRng } from './createRng.ts'
import type { MarketPlan, Scenario } from './MarketPlan.ts'
import { cabalScenario } from './scenarios/cabalScenario.ts'
import { hardRugScenario } from './scenarios/hardRugScenario.ts'
import { organicScenario } from './scenarios/organicScenario.ts'
import { poolCabalScenario } from './scenarios/poolCabalScenario.ts'
import { poolRugScenario } from './scenarios/poolRugScenario.ts'
import { poolWashScenario } from './scenarios/poolWashScenario.ts'
import { slowRugScenario } from './scenarios/slowRugScenario.ts'
import { washScenario } from './scenarios/washScenario.ts'

/** Parameters of {@link planMarket}. */
export type PlanMarketParameters = { seed: number; scenario: Scenario }

const scripts = {
  organic: organicScenario,
  'slow-rug': slowRugScenario,
  'hard-rug': hardRugScenario,
  cabal: cabalScenario,
  wash: washScenario,
  'pool-rug': poolRugScenario,
  'pool-cabal': poolCabalScenario,
  'pool-wash': poolWashScenario,
} satisfies Record<Scenario, unknown>

const adjectives = ['Based', 'Giga', 'Tiny', 'Moon', 'Sad', 'Turbo', 'Wild', 'Baby', 'Dark', 'Golden']
const nouns = ['Frog', 'Cat', 'Pepe', 'Doge', 'Hamster', 'Goose', 'Wizard', 'Shrimp', 'Panda', 'Otter']

/**
 * Plans a whole simulated memecoin market from a seed, with no chain: wallets (keys derived from the seed) with
 * their role and entity, every transaction in order with its block offset, and the ground truth (entities,
 * roles, lead wallets and followers, whether and when the token rugged). Pure: the same seed and scenario give
 * the same plan. Execute it with `runMarket`, or turn it into events directly with `planToEvents`. A market
 * whose curve completes migrates to its Uniswap V2 pair; what the scenario scripts after that (pool trading, a
 * dump into the pool) draws from a separate random stream, so a seed's launch phase never depends on it.
 *
 * @example
 * const plan = planMarket({ seed: 7, scenario: 'cabal' })
 * plan.truth.rugs[0] // { token: '0x…', kind: 'hard', by: 'cabal', atBlockOffset: 1432, … }
 */
export function planMarket({ seed, scenario }: PlanMarketParameters): MarketPlan {
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new SimulationError('seed must be a non-negative integer', { details: String(seed) })
  }
  const script = scripts[scenario]
  if (!script)
    throw new SimulationError('unknown scenario', {
      details: `${scenario}; known: ${Object.keys(scripts).join(', ')}`,
    })
  const rng = createRng(`${seed}/${scenario}`)
  const noun = rng.pick(nouns)
  const b = createPlanBuilder({
    seed,
    scenario,
    rng,
    tokenName: `${rng.pick(adjectives)} ${noun}`,
    tokenSymbol: `${noun.toUpperCase().slice(0, 4)}${rng.int(1, 99)}`,
  })
  script(b)
  return b.build()
}
