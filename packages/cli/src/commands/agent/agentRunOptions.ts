import { resolve } from 'node:path'
import type { AgentConfig } from '@sextant/agent/config/AgentConfig'
import { CliError } from '../../errors/CliError.ts'

/** Options of `sextant agent run`. */
export type AgentRunOptions = {
  config?: string
  model?: string
  modelName?: string
  apiKeyEnv?: string
  vault?: string
  vaultModule?: string
  vaultPolicy?: string
  swapPair?: string[]
  slippageBps?: string
  allow?: string[]
  limit?: string
  daily?: string
  onUntrusted?: 'needs-approval' | 'deny'
  tools?: string
  maxSteps?: string
  maxTokens?: string
  timeoutMs?: string
  rpcUrl?: string
  privateKey?: string
  seed?: string
  temperature?: string
}

/**
 * Merges `sextant agent run` flags over a config file's settings (flags win). `--model` is an http(s) URL, a
 * `.gguf` file, or `script:<turns.json>`.
 *
 * @example
 * const config = mergeRunOptions(parseAgentConfig(text), { model: 'http://127.0.0.1:8080/v1' })
 */
export function mergeRunOptions(base: AgentConfig | undefined, o: AgentRunOptions): AgentConfig {
  const spec = o.model
  const model: AgentConfig['model'] | undefined = spec
    ? /^https?:\/\//.test(spec)
      ? {
          url: spec,
          ...(o.modelName ? { name: o.modelName } : {}),
          ...(o.apiKeyEnv ? { apiKeyEnv: o.apiKeyEnv } : {}),
        }
      : spec.startsWith('script:')
        ? { script: spec.slice(7) }
        : /\.gguf$/i.test(spec)
          ? { gguf: spec }
          : fail(`--model must be an http(s) URL, a .gguf file or script:<file>, got ${spec}`)
    : base?.model
  if (!model) fail('no model: pass --model or a --config with one')
  const vault = {
    allowlist: [...(base?.vault?.allowlist ?? []), ...(o.allow ?? [])],
    perTransaction: {
      ...(base?.vault?.perTransaction ?? { ETH: '0.1' }),
      ...(o.limit ? { ETH: o.limit } : {}),
    },
    ...(base?.vault?.daily || o.daily
      ? { daily: { ...base?.vault?.daily, ...(o.daily ? { ETH: o.daily } : {}) } }
      : {}),
    ...((o.onUntrusted ?? base?.vault?.onUntrusted)
      ? { onUntrusted: o.onUntrusted ?? base?.vault?.onUntrusted }
      : {}),
    ...((o.vault ?? base?.vault?.address) ? { address: o.vault ?? base?.vault?.address } : {}),
    ...(base?.vault?.tokens ? { tokens: base.vault.tokens } : {}),
    // A flag's path is the caller's (relative to the working directory), a config's relative to the config file.
    ...((o.vaultPolicy ?? base?.vault?.policy)
      ? { policy: o.vaultPolicy ? resolve(o.vaultPolicy) : base?.vault?.policy }
      : {}),
    ...swapSettings(base?.vault?.swaps, o),
  } as NonNullable<AgentConfig['vault']>
  const int = (v: string | undefined, name: string) => {
    if (v === undefined) return undefined
    const n = Number(v)
    if (!Number.isInteger(n) || n < 1) fail(`${name} must be a positive integer`)
    return n
  }
  const budgets = { ...base?.budgets }
  for (const [key, flag, name] of [
    ['maxSteps', o.maxSteps, '--max-steps'],
    ['maxTokens', o.maxTokens, '--max-tokens'],
    ['maxMs', o.timeoutMs, '--timeout-ms'],
  ] as const) {
    const n = int(flag, name)
    if (n !== undefined) budgets[key] = n
  }
  const request = {
    ...base?.request,
    ...(o.seed !== undefined ? { seed: Number(o.seed) } : {}),
    ...(o.temperature !== undefined ? { temperature: Number(o.temperature) } : {}),
  }
  return {
    ...base,
    model: model!,
    tools: o.tools
      ? o.tools
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean)
      : (base?.tools ?? ['vault', 'chain', 'audit']),
    vault,
    budgets,
    request,
    ...(o.rpcUrl ? { chain: { ...base?.chain, rpcUrl: o.rpcUrl } } : {}),
  }
}

function swapSettings(
  base: NonNullable<AgentConfig['vault']>['swaps'],
  o: AgentRunOptions,
): Pick<NonNullable<AgentConfig['vault']>, 'swaps'> {
  for (const pair of o.swapPair ?? [])
    if (!/^0x[0-9a-fA-F]{40}$/.test(pair)) fail(`--swap-pair must be a pair address, got ${pair}`)
  const bps = o.slippageBps === undefined ? base?.slippageBps : Number(o.slippageBps)
  if (bps !== undefined && (!Number.isInteger(bps) || bps < 0 || bps > 9_999))
    fail(`--slippage-bps must be an integer from 0 to 9999, got ${o.slippageBps}`)
  const pairs = [...(base?.pairs ?? []), ...(o.swapPair ?? [])]
  if (pairs.length === 0 && bps === undefined) return {}
  return {
    swaps: { ...(pairs.length > 0 ? { pairs } : {}), ...(bps !== undefined ? { slippageBps: bps } : {}) },
  }
}

function fail(message: string): never {
  throw new CliError('invalid agent options', { details: message })
}
