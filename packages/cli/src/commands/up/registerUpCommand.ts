import type { Command } from 'commander'
import type { Hex } from 'viem'
import { CliError } from '../../errors/CliError.ts'
import { printResult } from '../../output/printResult.ts'
import { runUp } from './runUp.ts'

type UpOptions = {
  rpcUrl?: string
  privateKey?: string
  postgres?: string
  dataDir: string
  host: string
  port: string
  duration?: string
  once?: boolean
  anchorEvery: string
  sessionEvery: string
  marketEvery: string
}

const seconds = (value: string, name: string) => {
  const n = Number(value)
  if (!Number.isFinite(n) || n < 0) throw new CliError(`invalid ${name}`, { details: value })
  return n
}

/**
 * Adds `sextant up`: the whole platform in one command (chain, contracts, audit log, API, dashboard, live demo
 * world) until Ctrl-C; `--once` / `--duration` for scripts and CI.
 *
 * @example
 * registerUpCommand(program)
 */
export function registerUpCommand(program: Command): void {
  program
    .command('up')
    .description(
      'start the chain, deploy the contracts, serve the API and dashboard on 127.0.0.1, run a live demo world',
    )
    .option('--rpc-url <url>', 'use this EVM JSON-RPC instead of the embedded anvil')
    .option('--private-key <hex>', 'key for --rpc-url (or SEXTANT_PRIVATE_KEY)')
    .option(
      '--postgres <url>',
      'keep the audit log and the forensics events in this PostgreSQL database instead of SQLite',
    )
    .option('--data-dir <dir>', 'state kept between runs (resume)', '.sextant')
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .option('--port <port>', 'API and dashboard port (0 = any free one)', '7447')
    .option('--anchor-every <seconds>', 'anchor the audit log on-chain this often', '10')
    .option('--session-every <seconds>', 'run an agent session this often (0 = never)', '8')
    .option('--market-every <seconds>', 'play a new memecoin launch this often (0 = never)', '20')
    .option('--duration <seconds>', 'stop by itself after this long')
    .option('--once', 'run one agent session, anchor, print the report and stop')
    .action(async (options: UpOptions, command: Command) => {
      const json = command.optsWithGlobals().json === true
      const privateKey = (options.privateKey ?? process.env.SEXTANT_PRIVATE_KEY) as Hex | undefined
      const port = Number(options.port)
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new CliError('invalid --port', { details: options.port })
      const duration = options.duration === undefined ? undefined : seconds(options.duration, '--duration')
      const started = performance.now()
      const up = await runUp({
        dataDir: options.dataDir,
        host: options.host,
        port,
        ...(options.rpcUrl ? { rpcUrl: options.rpcUrl } : {}),
        ...(privateKey ? { privateKey } : {}),
        ...(options.postgres ? { postgres: options.postgres } : {}),
        anchorEveryMs: seconds(options.anchorEvery, '--anchor-every') * 1000 || 10_000,
        sessionEveryMs: options.once ? 0 : seconds(options.sessionEvery, '--session-every') * 1000,
        marketEveryMs: options.once ? 0 : seconds(options.marketEvery, '--market-every') * 1000,
        progress: (line) => {
          if (!json) process.stdout.write(`· ${line}\n`)
        },
      })
      const stopped = new Promise<string>((resolve) => {
        process.once('SIGINT', () => resolve('SIGINT'))
        process.once('SIGTERM', () => resolve('SIGTERM'))
        if (duration !== undefined) setTimeout(() => resolve('duration'), duration * 1000).unref()
      })
      let outcomes: unknown
      if (options.once) {
        const session = await up.runSession()
        outcomes = {
          id: session.sessionId,
          status: session.status,
          steps: session.steps,
          payments: session.payments.map((p) => ({
            decision: p.decision,
            rule: p.rule,
            provenance: p.provenance,
            ...(p.txHash ? { txHash: p.txHash } : {}),
          })),
        }
        await up.nextLaunch()
        await up.anchorNow()
      }
      const report = {
        url: up.url,
        dashboard: up.dashboardUrl,
        resumed: up.resumed,
        dataDir: up.dataDir,
        chain: up.chain,
        contracts: up.contracts,
        log: { ...up.log, size: await up.logSize() },
        modules: up.modules,
        startedInSeconds: Number(((performance.now() - started) / 1000).toFixed(2)),
        ...(outcomes ? { session: outcomes } : {}),
      }
      printResult(command, report, () =>
        [
          '',
          `Sextant is up${up.resumed ? ' (resumed)' : ''} in ${report.startedInSeconds} s`,
          `  dashboard  ${up.dashboardUrl}`,
          `  API        ${up.url}openapi.json  (writes need: Authorization: Bearer ${up.token})`,
          `  chain      ${up.chain.rpcUrl} (chain id ${up.chain.chainId})`,
          `  audit log  ${up.log.origin}, ${report.log.size} entries, tiles at ${up.url}audit/`,
          `  modules    ${up.modules.join(', ')}`,
          `  state      ${up.dataDir}`,
          options.once ? '' : 'Ctrl-C to stop.',
        ].join('\n'),
      )
      if (!options.once) await stopped
      if (!json)
        process.stdout.write('· shutting down: stopping the agent, anchoring, server, log and chain\n')
      await up.close()
      if (!json) process.stdout.write(`· stopped; state saved in ${up.dataDir}\n`)
    })
}
