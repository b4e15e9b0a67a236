import type { Command } from 'commander'
import { addAnchorCommand } from './addAnchorCommand.ts'
import { addLocalCommands } from './addLocalCommands.ts'
import { addPublicCommands } from './addPublicCommands.ts'
import { addVerifyReceiptCommand } from './addVerifyReceiptCommand.ts'
import { addWitnessCommands } from './addWitnessCommands.ts'

/**
 * Adds `sextant audit …`: the AI compliance audit log.
 *
 * @example
 * registerAuditCommands(program)
 */
export function registerAuditCommands(program: Command): void {
  const audit = program
    .command('audit')
    .description('the AI audit log: tamper-evident, private, chain-anchored (RFC 6962, C2SP formats)')
  addLocalCommands(audit)
  addVerifyReceiptCommand(audit)
  addPublicCommands(audit)
  addAnchorCommand(audit)
  addWitnessCommands(audit)
}
