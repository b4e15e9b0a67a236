import type { Command } from 'commander'

/**
 * Prints a command's result: JSON with `--json`, otherwise the human-readable text.
 *
 * @example
 * printResult(command, { size: 3 }, () => 'log has 3 entries')
 */
export function printResult(command: Command, result: unknown, text: () => string): void {
  const json = command.optsWithGlobals().json === true
  process.stdout.write(json ? `${JSON.stringify(result, bigintReplacer)}\n` : `${text()}\n`)
}

function bigintReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value
}
