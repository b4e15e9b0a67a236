import type { Command } from 'commander'
import { addVaultPaymentCommands } from './addVaultPaymentCommands.ts'
import { addVaultSetupCommands } from './addVaultSetupCommands.ts'

/**
 * Adds `sextant vault …`: the agent wallet guard (create, policy, propose, execute, approvals, approve, deny,
 * revoke, pause).
 *
 * @example
 * registerVaultCommands(program)
 */
export function registerVaultCommands(program: Command): void {
  const vault = program
    .command('vault')
    .description('agent wallet guard: a Safe whose agent keys act only under an on-chain policy')
  addVaultSetupCommands(vault)
  addVaultPaymentCommands(vault)
}
