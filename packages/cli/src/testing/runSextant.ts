import { vi } from 'vitest'
import { main } from '../main.ts'

/** What {@link runSextant} returns: the exit code and what the command printed. */
export type RunSextantReturnType = { code: number; out: string; err: string }

/**
 * Runs `sextant …` in-process (tests), capturing stdout and stderr.
 *
 * @example
 * const { code, out } = await runSextant('audit', 'init', '--json')
 */
export async function runSextant(...args: string[]): Promise<RunSextantReturnType> {
  let out = ''
  let err = ''
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk)
    return true
  })
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err += String(chunk)
    return true
  })
  try {
    const code = await main(['node', 'sextant', ...args])
    return { code, out, err }
  } finally {
    vi.restoreAllMocks()
  }
}
