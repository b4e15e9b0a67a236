import { join } from 'node:path'
import { connectChain } from '@sextant/chain/clients/connectChain'
import type { Alert } from '@sextant/forensics/alerts/Alert'
import { createAlertMonitor } from '@sextant/forensics/alerts/createAlertMonitor'
import { createEvmIngester } from '@sextant/forensics/evm/createEvmIngester'
import type { Scenario } from '@sextant/forensics/sim/MarketPlan'
import { planMarket } from '@sextant/forensics/sim/planMarket'
import { runMarket } from '@sextant/forensics/sim/runMarket'
import { openEventStore } from '@sextant/forensics/store/openEventStore'
import type { ForensicsSource } from '@sextant/server/forensics/ForensicsSource'
import { createForensicsSource } from './createForensicsSource.ts'

const SCENARIOS: Scenario[] = ['cabal', 'hard-rug', 'organic', 'slow-rug', 'wash']

/** Return type of {@link startMarketWorld}. */
export type MarketWorld = {
  source: ForensicsSource
  /** Plays the next launch (scenario cycling) and ingests it; resolves with its token address. */
  nextLaunch(): Promise<string>
  rounds(): number
  stop(): Promise<void>
}

/**
 * The memecoin market of `sextant up`'s demo world: the market simulator (`@sextant/forensics`) plays one
 * launch after another — cabal pump-and-dump, hard rug, organic, slow rug, wash trading — on its own anvil (it
 * mines blocks with planned timestamps, which must not disturb the agent's chain), the EVM ingester follows
 * each launchpad into the event store, and the alert monitor raises alerts as events arrive. State (chain,
 * events) lives in the data dir (the events in PostgreSQL when `eventStore` names a server), so a restart
 * resumes.
 *
 * @example
 * const market = await startMarketWorld({ dataDir, rounds: 0, onChange: (type, data) => hub.publish('forensics', type, data) })
 * await market.nextLaunch()
 */
export async function startMarketWorld({
  dataDir,
  eventStore,
  rounds: done,
  onRound,
}: {
  dataDir: string
  /** Where the events go: a `postgres://` URL, else `forensics.db` in the data dir. */
  eventStore?: string
  /** Launches already played (resume). */
  rounds: number
  onRound?: (rounds: number) => void
}): Promise<MarketWorld> {
  const chain = await connectChain({ statePath: join(dataDir, 'market-chain.json') })
  const store = await openEventStore(eventStore ?? join(dataDir, 'forensics.db'))
  const monitor = createAlertMonitor()
  const alerts: Alert[] = []
  const listeners = new Set<(type: string, data: unknown) => void>()
  const emit = (type: string, data: unknown) => {
    for (const l of listeners) l(type, data)
  }
  for (const event of await store.readEvents()) alerts.push(...monitor.push(event))
  let rounds = done
  let running: Promise<string> | undefined
  const play = async () => {
    const scenario = SCENARIOS[rounds % SCENARIOS.length]!
    const plan = planMarket({ seed: rounds + 1, scenario })
    const run = await runMarket(chain, plan)
    const ingester = await createEvmIngester({
      publicClient: chain.publicClient,
      store,
      launchpad: plan.deployment.launchpad,
      fromBlock: run.fromBlock,
      onEvents: (events) => {
        for (const event of events) {
          for (const alert of monitor.push(event, Date.now())) {
            alerts.push(alert)
            emit('alert', { token: alert.token, kind: alert.kind })
          }
        }
        emit('events', { count: events.length })
      },
    })
    await ingester.backfill()
    rounds++
    onRound?.(rounds)
    const token = plan.tokens[0]?.address ?? ''
    emit('launch', { token, scenario })
    return token
  }
  return {
    source: createForensicsSource({
      store,
      alerts: () => alerts,
      watch: (onChange) => {
        listeners.add(onChange)
        return () => listeners.delete(onChange)
      },
    }),
    nextLaunch() {
      running ??= play().finally(() => {
        running = undefined
      })
      return running
    },
    rounds: () => rounds,
    async stop() {
      await running?.catch(() => {})
      await store.close()
      await chain.close()
    },
  }
}
