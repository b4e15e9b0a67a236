import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', '..')

/**
 * Folder of the real pump.fun transactions shared by all worktrees (`<repo>/../shared/fixtures/pumpfun`).
 *
 * @example
 * readFileSync(path.join(PUMPFUN_FIXTURE_DIR, 'SOURCES.md'), 'utf8')
 */
export const PUMPFUN_FIXTURE_DIR = path.resolve(repoRoot, '..', 'shared', 'fixtures', 'pumpfun')

/**
 * File names of every `*.json` fixture, sorted.
 *
 * @example
 * for (const name of listPumpfunFixtures()) console.log(name) // 'buy-217-2ghHZXwy.json', ...
 */
export function listPumpfunFixtures(): string[] {
  return readdirSync(PUMPFUN_FIXTURE_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
}

/**
 * A fixture's text, exactly as stored.
 *
 * @example
 * const text = readPumpfunFixture('buy-217-2ghHZXwy.json')
 */
export function readPumpfunFixture(name: string): string {
  return readFileSync(path.join(PUMPFUN_FIXTURE_DIR, name), 'utf8')
}
