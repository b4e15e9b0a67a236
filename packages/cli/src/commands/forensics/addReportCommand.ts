import { buildReport } from '@sextant/forensics/report/buildReport'
import { formatReport } from '@sextant/forensics/report/formatReport'
import { allScenarios } from '@sextant/forensics/sim/MarketPlan'
import { type Command, InvalidArgumentError, Option } from 'commander'
import { printResult } from '../../output/printResult.ts'
import { type EventSourceOptions, loadMarketEvents } from './loadMarketEvents.ts'

/**
 * Adds `sextant forensics report <token>`: the token's forensics report (roles, insiders, cabals, leads,
 * wash rings, supply shares over time, rug risk with its evidence) as text, or JSON with `--json`.
 *
 * @example
 * addReportCommand(forensics)
 */
export function addReportCommand(forensics: Command): void {
  forensics
    .command('report')
    .description('who is whom around a token, supply held over time and its rug risk, signal by signal')
    .argument('<token>', 'token address (or "launched" for the simulated market\'s token)')
    .option(
      '--db <path>',
      'event store (SQLite path or postgres:// URL) filled by `sextant forensics ingest`',
      'forensics.db',
    )
    .addOption(
      new Option('--simulate <scenario>', 'analyse a simulated market instead (no chain)').choices(
        allScenarios,
      ),
    )
    .option('--seed <n>', 'simulation seed', seedOf, 1)
    .action(async (token: string, options: EventSourceOptions, command: Command) => {
      const events = await loadMarketEvents(options)
      const wanted =
        token === 'launched'
          ? (events.find((e) => e.kind === 'launch') as { token?: string } | undefined)?.token
          : token
      const report = buildReport({ events, token: wanted ?? token })
      printResult(command, report, () => formatReport(report).trimEnd())
    })
}

function seedOf(value: string): number {
  const n = Number(value)
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError('a non-negative integer')
  return n
}
