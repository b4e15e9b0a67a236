import { readFileSync } from 'node:fs'
import { CliError } from '../../errors/CliError.ts'

/**
 * Reads a command's input bytes from a file, or from standard input when the path is `-` or missing.
 *
 * @example
 * const bytes = readInput(file)
 */
export function readInput(path: string | undefined): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path === undefined || path === '-' ? 0 : path))
  } catch (cause) {
    throw new CliError('cannot read input', { details: path ?? 'stdin', cause })
  }
}
