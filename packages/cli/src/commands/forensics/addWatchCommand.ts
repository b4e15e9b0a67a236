import type { AlertSink } from '@sextant/forensics/alerts/Alert'
import { createAlertMonitor } from '@sextant/forensics/alerts/createAlertMonitor'
import { createNatsSink } from '@sextant/forensics/alerts/createNatsSink'
import { createStdoutSink } from '@sextant/forensics/alerts/createStdoutSink'
import { createWebhookSink } from '@sextant/forensics/alerts/createWebhookSink'
import { createWebSocketSink } from '@sextant/forensics/alerts/createWebSocketSink'
import { createEvmIngester } from '@sextant/forensics/evm/createEvmIngester'
import type { MarketEvent } from '@sextant/forensics/model/MarketEvent'
import { allScenarios } from '@sextant/forensics/sim/MarketPlan'
import { planMarket } from '@sextant/forensics/sim/planMarket'
import { planToEvents } from '@sextant/forensics/sim/planToEvents'
import { openEventStore } from '@sextant/forensics/store/openEventStore'
import { createEventQueue } from '@sextant/forensics/watch/createEventQueue'
import { followEventStore } from '@sextant/forensics/watch/followEventStore'
import { replayEvents } from '@sextant/forensics/watch/replayEvents'
import type { SourceRollback } from '@sextant/forensics/watch/SourceRollback'
import { watchMarket } from '@sextant/forensics/watch/watchMarket'
import { type Command, InvalidArgumentError, Option } from 'commander'
import { createPublicClient, http, isAddress } from 'viem'

type WatchOptions = {
  db: string
  rpc?: string
  launchpad?: `0x${string}`
  from?: number
  simulate?: (typeof allScenarios)[number]
  seed: number
  speed: number
  webhook: string[]
  wsPort?: number
  nats?: string | boolean
  threshold: number
  pollMs: number
  once?: boolean
}

/**
 * Adds `sextant forensics watch`: follows the event store as `sextant forensics ingest --follow` fills it
 * from the chain (or plays a simulated market) and raises alerts in real time — the dev or insiders
 * selling, the cabal distributing, liquidity pulled, holder concentration — to stdout, `--webhook` URLs,
 * a `--ws-port` WebSocket stream and `--nats` JetStream (`forensics.alerts.<token>`). After a chain reorg,
 * every sink gets a retraction (`type: 'retraction'`) of each alert the reorg made void.
 *
 * @example
 * addWatchCommand(forensics)
 */
export function addWatchCommand(forensics: Command): void {
  forensics
    .command('watch')
    .description('follow the chain (via the event store) and print alerts as they happen')
    .option('--rpc <url>', 'follow this EVM node directly (ingesting into --db as it goes)')
    .option('--launchpad <address>', 'with --rpc: the launchpad whose tokens are watched', (v: string) => {
      if (!isAddress(v)) throw new InvalidArgumentError('an address')
      return v
    })
    .option('--from <block>', 'with --rpc: first block when the store has no cursor', intOf)
    .option(
      '--db <path>',
      'event store (SQLite path or postgres:// URL) that `sextant forensics ingest --follow` fills',
      'forensics.db',
    )
    .addOption(
      new Option('--simulate <scenario>', 'play a simulated market instead (no chain)').choices(allScenarios),
    )
    .option('--seed <n>', 'simulation seed', intOf, 1)
    .option('--speed <x>', 'simulated chain seconds per second (0 = instant)', Number, 0)
    .option('--webhook <url>', 'POST each alert as JSON to this URL (repeatable)', collect, [])
    .option('--ws-port <port>', 'stream alerts over WebSocket on this port (127.0.0.1)', intOf)
    .option(
      '--nats [servers]',
      'publish alerts to NATS JetStream forensics.alerts.<token> (default 127.0.0.1:4222)',
    )
    .option('--threshold <share>', 'top-10 holder share that raises a concentration alert', Number, 0.3)
    .option('--poll-ms <ms>', 'how often to look for new events in the store', intOf, 100)
    .option('--once', 'process what is stored, then exit (no following)')
    .action(async (options: WatchOptions, command: Command) => {
      const json = command.optsWithGlobals().json === true
      const sinks: AlertSink[] = [createStdoutSink({ json })]
      for (const url of options.webhook) sinks.push(createWebhookSink({ url }))
      const controller = new AbortController()
      const stop = () => controller.abort()
      process.once('SIGINT', stop)
      let store: Awaited<ReturnType<typeof openEventStore>> | undefined
      try {
        if (options.wsPort !== undefined) {
          const ws = await createWebSocketSink({ port: options.wsPort })
          sinks.push(ws)
          process.stderr.write(`alerts streaming on ${ws.url}\n`)
        }
        if (options.nats) {
          sinks.push(await createNatsSink(typeof options.nats === 'string' ? { servers: options.nats } : {}))
        }
        const monitor = createAlertMonitor({ concentrationThreshold: options.threshold })
        let source: AsyncIterable<MarketEvent | SourceRollback>
        if (options.simulate) {
          const events = planToEvents(planMarket({ seed: options.seed, scenario: options.simulate }))
          source = replayEvents({ events, speed: options.speed, signal: controller.signal })
        } else if (options.rpc) {
          if (!options.launchpad) throw new InvalidArgumentError('--rpc needs --launchpad <address>')
          store = await openEventStore(options.db)
          const queue = createEventQueue()
          // Events already stored come first, then what the ingester commits from the chain.
          queue.push(await store.readEvents())
          const ingester = await createEvmIngester({
            publicClient: createPublicClient({ transport: http(options.rpc) }),
            store,
            launchpad: options.launchpad,
            ...(options.from !== undefined ? { fromBlock: options.from } : {}),
            onEvents: (events) => queue.push(events),
            onReorg: ({ chain, fromBlock }) => queue.rollback(chain, fromBlock),
          })
          if (options.once) {
            void ingester
              .backfill()
              .catch((error) =>
                process.stderr.write(`sextant: ingest: ${(error as Error).message.split('\n')[0]}\n`),
              )
              .finally(() => queue.close())
          } else {
            const live = ingester.follow({
              pollMs: options.pollMs,
              onError: (error) =>
                process.stderr.write(`sextant: ingest: ${(error as Error).message.split('\n')[0]}\n`),
            })
            controller.signal.addEventListener('abort', () => void live.stop().then(() => queue.close()))
          }
          source = queue
        } else {
          store = await openEventStore(options.db)
          source = followEventStore(store, {
            pollMs: options.pollMs,
            signal: controller.signal,
            stopWhenIdle: options.once === true,
          })
        }
        const stats = await watchMarket({
          source,
          monitor,
          sinks,
          onError: (error, sink) =>
            process.stderr.write(
              `sextant: ${sink.name} sink failed: ${(error as Error).message.split('\n')[0]}\n`,
            ),
          onRollback: (r) =>
            process.stderr.write(
              `reorg on ${r.chain} from block ${r.fromBlock}: ${r.removed} event(s) rolled back, ${r.retracted.length} alert(s) void and retracted${r.retracted.length ? ` (${r.retracted.map((a) => a.id).join(', ')})` : ''}\n`,
            ),
        })
        process.stderr.write(
          `watched ${stats.events} events (${stats.duplicates} duplicates dropped), ${stats.alerts} alerts, ${stats.rollbacks} reorg(s) rolled back, ${stats.retractions} alert(s) retracted\n`,
        )
      } finally {
        process.off('SIGINT', stop)
        for (const sink of sinks) await sink.close()
        await store?.close()
      }
    })
}

function intOf(value: string): number {
  const n = Number(value)
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError('a non-negative integer')
  return n
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}
