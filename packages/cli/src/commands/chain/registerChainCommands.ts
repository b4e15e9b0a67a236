import { startAnvil } from '@sextant/chain/anvil/startAnvil'
import type { Command } from 'commander'
import { printResult } from '../../output/printResult.ts'

/**
 * Adds `sextant chain …`: `start` runs the embedded anvil node until interrupted.
 *
 * @example
 * registerChainCommands(program)
 */
export function registerChainCommands(program: Command): void {
  const chain = program.command('chain').description('the local EVM chain (anvil)')
  chain
    .command('start')
    .description('start a local anvil node on 127.0.0.1 and keep it running until Ctrl-C')
    .option('--port <port>', 'port (default: a free one)', Number)
    .option('--state <file>', 'load state from and dump it to this file (resume)')
    .action(async (options: { port?: number; state?: string }, command: Command) => {
      const anvil = await startAnvil({
        ...(options.port ? { port: options.port } : {}),
        ...(options.state ? { statePath: options.state } : {}),
      })
      printResult(
        command,
        { rpcUrl: anvil.rpcUrl },
        () => `anvil listening on ${anvil.rpcUrl} (Ctrl-C to stop)`,
      )
      await new Promise<void>((resolve) => process.once('SIGINT', resolve))
      await anvil.stop()
    })
}
