import type { Command } from 'commander'
import { addReportCommand } from './addReportCommand.ts'
import { addWatchCommand } from './addWatchCommand.ts'

/**
 * Adds the analysis subcommands to `sextant forensics`: `watch` (real-time alerts) and `report <token>`.
 * Registered from `registerForensicsCommands` with one line: `addAnalysisCommands(forensics)`.
 *
 * @example
 * addAnalysisCommands(program.command('forensics'))
 */
export function addAnalysisCommands(forensics: Command): void {
  addWatchCommand(forensics)
  addReportCommand(forensics)
}
