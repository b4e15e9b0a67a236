import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { PolicyError } from '@sextant/vault/errors/VaultError'
import { parsePolicy } from '@sextant/vault/policy/parsePolicy'
import { NATIVE_TOKEN, type TokenInfo } from '@sextant/vault/policy/TokenInfo'
import { type Address, getAddress } from 'viem'
import { ConfigError } from '../errors/AgentError.ts'
import type { AgentConfig } from './AgentConfig.ts'

/** Return type of {@link createSwapSettingsFromConfig}: what `createVaultGuard` takes for swaps. */
export type SwapSettings = {
  /** The vault policy's `swaps:` pairs, then the config's `vault.swaps.pairs`, without repeats. */
  swapPairs: Address[]
  swapSlippageBps?: number
  /** The vault policy's tokens (symbols, decimals), without the native coin; absent without a policy file. */
  tokens?: TokenInfo[]
}

/**
 * The swap settings of a config's `vault` for the Safe-module vault guard: pairs from the vault's policy file
 * (`vault.policy`, its `swaps:` section; relative paths resolve against `baseDir`) and from `vault.swaps.pairs`,
 * and the slippage in basis points. Throws ConfigError when the policy file cannot be read or is not a valid
 * vault policy.
 *
 * @example
 * const swaps = createSwapSettingsFromConfig({ policy: 'policy.yaml', allowlist: [], perTransaction: {} }, dirname(configPath))
 * const guard = createVaultGuard({ client, vault, sessionKey, ...swaps })
 */
export function createSwapSettingsFromConfig(vault: AgentConfig['vault'], baseDir = '.'): SwapSettings {
  const pairs: Address[] = []
  let tokens: TokenInfo[] | undefined
  if (vault?.policy) {
    const path = resolve(baseDir, vault.policy)
    let text: string
    try {
      text = readFileSync(path, 'utf8')
    } catch (cause) {
      throw new ConfigError('cannot read the vault policy file', { details: path, cause })
    }
    try {
      const policy = parsePolicy(text)
      pairs.push(...policy.swaps.map((s) => s.pair))
      tokens = policy.tokens.filter((t) => t.address !== NATIVE_TOKEN)
    } catch (cause) {
      if (!(cause instanceof PolicyError)) throw cause
      throw new ConfigError('invalid vault policy file', {
        details: `${path}: ${cause.shortMessage}${cause.details ? `: ${cause.details}` : ''}`,
        cause,
      })
    }
  }
  for (const pair of vault?.swaps?.pairs ?? []) pairs.push(getAddress(pair))
  const slippage = vault?.swaps?.slippageBps
  return {
    swapPairs: [...new Set(pairs)],
    ...(slippage !== undefined ? { swapSlippageBps: slippage } : {}),
    ...(tokens ? { tokens } : {}),
  }
}
