import { Command, CommanderError } from 'commander'
import { registerAgentCommands } from './commands/agent/registerAgentCommands.ts'
import { registerAuditCommands } from './commands/audit/registerAuditCommands.ts'
import { registerChainCommands } from './commands/chain/registerChainCommands.ts'
import { registerDemoCommand } from './commands/demo/registerDemoCommand.ts'
import { registerForensicsCommands } from './commands/forensics/registerForensicsCommands.ts'
import { registerUpCommand } from './commands/up/registerUpCommand.ts'
import { registerVaultCommands } from './commands/vault/registerVaultCommands.ts'
import { reportError } from './output/reportError.ts'

/**
 * Builds the `sextant` program: one subcommand per package, `--help` everywhere, `--json` for scripts.
 *
 * @example
 * await createProgram().parseAsync(['node', 'sextant', 'chain', 'start', '--json'])
 */
export function createProgram(): Command {
  const program = new Command('sextant')
    .description(
      'Crypto x AI: a private, chain-anchored audit log for AI agents, a wallet guard, memecoin forensics.',
    )
    .option('--json', 'print machine-readable JSON')
    .showHelpAfterError()
    .exitOverride()
  registerAgentCommands(program)
  registerAuditCommands(program)
  registerChainCommands(program)
  registerDemoCommand(program)
  registerForensicsCommands(program)
  registerUpCommand(program)
  registerVaultCommands(program)
  return program
}

/**
 * Runs the CLI and returns the process exit code (0 ok, 1 failure, 2 usage error).
 *
 * @example
 * process.exitCode = await main(process.argv)
 */
export async function main(argv: string[]): Promise<number> {
  const program = createProgram()
  try {
    await program.parseAsync(argv)
    // Commands report a failed check (not an error) by setting process.exitCode; hand it back to the caller.
    const code = typeof process.exitCode === 'number' ? process.exitCode : 0
    process.exitCode = undefined
    return code
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2
    return reportError(error, { json: argv.includes('--json') })
  }
}
