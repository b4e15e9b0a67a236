import type { Command } from 'commander'
import { addAnalysisCommands } from './addAnalysisCommands.ts'
import { addIngestCommand } from './addIngestCommand.ts'
import { addSimulateCommand } from './addSimulateCommand.ts'

/**
 * Adds `sextant forensics …`: `simulate` plays a seeded memecoin market on a chain and stores its events and
 * ground truth; `ingest` backfills (and with `--follow` tails) a launchpad's market into the event store.
 *
 * @example
 * registerForensicsCommands(program)
 */
export function registerForensicsCommands(program: Command): Command {
  const forensics = program.command('forensics').description('memecoin forensics: simulate, ingest, analyse')
  addSimulateCommand(forensics)
  addIngestCommand(forensics)
  addAnalysisCommands(forensics)
  return forensics
}
