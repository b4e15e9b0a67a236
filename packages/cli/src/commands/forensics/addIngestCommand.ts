import { createEvmIngester } from '@sextant/forensics/evm/createEvmIngester'
import { openEventStore } from '@sextant/forensics/store/openEventStore'
import { type Command, InvalidArgumentError } from 'commander'
import { createPublicClient, http, isAddress } from 'viem'
import { printResult } from '../../output/printResult.ts'

type IngestOptions = {
  rpc: string
  launchpad: `0x${string}`
  db: string
  from?: number
  follow?: boolean
  pollMs: number
}

const blockOf = (value: string) => {
  const n = Number(value)
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError('a block number')
  return n
}

/**
 * Adds `sextant forensics ingest`: backfills a launchpad's market from an EVM node into the event store from
 * its cursor, and with `--follow` keeps tailing the chain (reorgs rolled back) until Ctrl-C.
 *
 * @example
 * addIngestCommand(forensics)
 */
export function addIngestCommand(forensics: Command): void {
  forensics
    .command('ingest')
    .description('ingest a launchpad market from an EVM node into the event store (backfill, then --follow)')
    .requiredOption('--rpc <url>', 'EVM JSON-RPC URL')
    .requiredOption('--launchpad <address>', 'launchpad contract address', (v: string) => {
      if (!isAddress(v)) throw new InvalidArgumentError('an address')
      return v
    })
    .option('--db <path>', 'event store: SQLite path or postgres:// URL', 'forensics.db')
    .option('--from <block>', 'first block when the store has no cursor', blockOf)
    .option('--follow', 'keep following new blocks until Ctrl-C')
    .option('--poll-ms <ms>', 'polling interval with --follow', Number, 250)
    .action(async (options: IngestOptions, command: Command) => {
      const store = await openEventStore(options.db)
      try {
        const publicClient = createPublicClient({ transport: http(options.rpc) })
        const ingester = await createEvmIngester({
          publicClient,
          store,
          launchpad: options.launchpad,
          ...(options.from !== undefined ? { fromBlock: options.from } : {}),
          onFlag: (flag) =>
            process.stderr.write(`flag: ${flag.kind} ${flag.tx}/${flag.logIndex}: ${flag.reason}\n`),
        })
        const result = await ingester.backfill()
        const cursor = await store.getCursor(ingester.cursorKey)
        printResult(
          command,
          { ...result, cursor },
          () => `${result.inserted} new events; cursor at block ${cursor?.block ?? '-'}`,
        )
        if (options.follow) {
          const live = ingester.follow({
            pollMs: options.pollMs,
            onError: (e) => process.stderr.write(`ingest: ${(e as Error).message}\n`),
          })
          await new Promise<void>((resolve) => process.once('SIGINT', resolve))
          await live.stop()
        }
      } finally {
        await store.close()
      }
    })
}
