import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { ChainError } from '../errors/ChainError.ts'

const platformPackages: Record<string, string> = {
  'linux-x64': '@foundry-rs/anvil-linux-amd64',
  'linux-arm64': '@foundry-rs/anvil-linux-arm64',
  'darwin-x64': '@foundry-rs/anvil-darwin-amd64',
  'darwin-arm64': '@foundry-rs/anvil-darwin-arm64',
  'win32-x64': '@foundry-rs/anvil-win32-amd64',
}

/**
 * Path of the anvil binary shipped inside the `@foundry-rs/anvil-<platform>` npm package (no download).
 * `SEXTANT_ANVIL` overrides it.
 *
 * @example
 * spawn(anvilBinary(), ['--port', '8545'])
 */
export function anvilBinary(): string {
  const override = process.env.SEXTANT_ANVIL
  if (override) return override
  const name = platformPackages[`${process.platform}-${process.arch}`]
  if (!name)
    throw new ChainError('no anvil binary for this platform', {
      details: `${process.platform}-${process.arch}`,
    })
  try {
    const require = createRequire(import.meta.url)
    const bin = join(
      dirname(require.resolve(`${name}/package.json`)),
      'bin',
      process.platform === 'win32' ? 'anvil.exe' : 'anvil',
    )
    if (existsSync(bin)) return bin
    throw new ChainError('anvil binary missing', { details: bin })
  } catch (cause) {
    throw new ChainError('anvil is not installed', { details: `npm package ${name}`, cause })
  }
}
