import { writeFileSync } from 'node:fs'
import { connectChain } from '@sextant/chain/clients/connectChain'
import { createEvmIngester } from '@sextant/forensics/evm/createEvmIngester'
import { exportGroundTruth } from '@sextant/forensics/sim/exportGroundTruth'
import { allScenarios, type Scenario } from '@sextant/forensics/sim/MarketPlan'
import { planMarket } from '@sextant/forensics/sim/planMarket'
import { planToEvents } from '@sextant/forensics/sim/planToEvents'
import { runMarket } from '@sextant/forensics/sim/runMarket'
import { openEventStore } from '@sextant/forensics/store/openEventStore'
import { type Command, InvalidArgumentError, Option } from 'commander'
import type { Hex } from 'viem'
import { printResult } from '../../output/printResult.ts'

type SimulateOptions = {
  seed: number
  scenario: Scenario
  rpc?: string
  key?: Hex
  db?: string
  truth?: string
  dry?: boolean
}

const seedOf = (value: string) => {
  const n = Number(value)
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError('a non-negative integer')
  return n
}

/**
 * Adds `sextant forensics simulate`: plans the seeded market, runs it on the embedded anvil (or `--rpc`, an
 * anvil node), ingests it into `--db`, and writes the ground truth to `--truth`. `--dry` skips the chain and
 * stores the events `planToEvents` computes.
 *
 * @example
 * addSimulateCommand(forensics)
 */
export function addSimulateCommand(forensics: Command): void {
  forensics
    .command('simulate')
    .description('play a seeded memecoin market on a chain and record its events and ground truth')
    .requiredOption('--seed <n>', 'seed', seedOf)
    .addOption(new Option('--scenario <name>', 'market scenario').choices(allScenarios).makeOptionMandatory())
    .option('--rpc <url>', 'an anvil JSON-RPC URL (default: start an embedded anvil)')
    .option('--key <hex>', 'funder key with --rpc (default: anvil dev account 0)')
    .option('--db <path>', 'event store: SQLite path or postgres:// URL', 'forensics.db')
    .option('--truth <file>', 'write the ground truth JSON here')
    .option('--dry', 'no chain: store the events computed from the plan')
    .action(async (options: SimulateOptions, command: Command) => {
      const plan = planMarket({ seed: options.seed, scenario: options.scenario })
      const store = await openEventStore(options.db ?? 'forensics.db')
      try {
        let truth = exportGroundTruth(plan)
        let inserted: number
        let rpcUrl: string | undefined
        if (options.dry) {
          const events = planToEvents(plan)
          inserted = (await store.commit({ blocks: [], events })).inserted
        } else {
          const chain = await connectChain(
            options.rpc ? { rpcUrl: options.rpc, privateKey: options.key ?? defaultKey } : {},
          )
          try {
            rpcUrl = chain.rpcUrl
            const run = await runMarket(chain, plan)
            truth = exportGroundTruth(plan, run)
            const ingester = await createEvmIngester({
              publicClient: chain.publicClient,
              store,
              launchpad: plan.deployment.launchpad,
              fromBlock: run.fromBlock,
              cursorKey: `sim:${plan.seed}:${plan.scenario}:${chain.rpcUrl}`,
            })
            inserted = (await ingester.backfill()).inserted
          } finally {
            await chain.close()
          }
        }
        if (options.truth) writeFileSync(options.truth, `${JSON.stringify(truth, null, 2)}\n`)
        const rug = truth.rugs[0]!
        printResult(
          command,
          { seed: plan.seed, scenario: plan.scenario, rpcUrl, events: inserted, truth },
          () =>
            [
              `${plan.scenario} market, seed ${plan.seed}: ${plan.tokens[0]!.symbol} at ${plan.tokens[0]!.address}`,
              `${plan.wallets.length} wallets, ${plan.actions.length} transactions, ${inserted} new events in ${options.db}`,
              `rug: ${rug.kind}${rug.kind === 'none' ? '' : ` by ${rug.by}, ${rug.secondsAfterLaunch} s after launch`}`,
              options.truth ? `ground truth: ${options.truth}` : '',
            ]
              .filter(Boolean)
              .join('\n'),
        )
      } finally {
        await store.close()
      }
    })
}

/** anvil's first public development key (the plan's default funder). */
const defaultKey: Hex = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80'
