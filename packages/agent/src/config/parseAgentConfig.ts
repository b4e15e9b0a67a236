import { parse as parseYaml } from 'yaml'
import { ConfigError } from '../errors/AgentError.ts'
import type { AgentConfig } from './AgentConfig.ts'

const TOOL_GROUPS = ['vault', 'chain', 'web', 'audit']
const ADDRESS = /^0x[0-9a-fA-F]{40}$/
const AMOUNT = /^[0-9]+(\.[0-9]+)?$/

/**
 * Parses and checks an agent configuration (JSON or YAML text). Throws ConfigError naming the first bad field.
 *
 * @example
 * const config = parseAgentConfig(readFileSync('agent.yaml', 'utf8'))
 */
export function parseAgentConfig(text: string): AgentConfig {
  let raw: unknown
  try {
    raw = parseYaml(text)
  } catch (cause) {
    throw new ConfigError('config is not valid JSON or YAML', { cause })
  }
  const fail = (field: string, why: string): never => {
    throw new ConfigError('invalid agent config', { details: `${field}: ${why}` })
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) fail('(root)', 'expected an object')
  const c = raw as { [k: string]: unknown }
  const model = c.model as { [k: string]: unknown } | undefined
  if (!model || typeof model !== 'object') fail('model', 'required')
  const kinds = ['url', 'gguf', 'script'].filter((k) => typeof model![k] === 'string')
  if (kinds.length !== 1) fail('model', 'exactly one of url, gguf, script')
  if (typeof model!.url === 'string' && !/^https?:\/\//.test(model!.url)) fail('model.url', 'must be http(s)')
  if (!Array.isArray(c.tools) || !c.tools.every((t) => typeof t === 'string'))
    fail('tools', 'expected a list of names')
  for (const [i, t] of (c.tools as string[]).entries()) {
    if (!TOOL_GROUPS.includes(t) && !/^[a-z][a-z0-9_]*$/.test(t)) fail(`tools[${i}]`, `unknown tool ${t}`)
  }
  const vault = c.vault as { [k: string]: unknown } | undefined
  if (vault !== undefined) {
    if (vault.address !== undefined && !ADDRESS.test(String(vault.address)))
      fail('vault.address', 'not an address')
    if (!Array.isArray(vault.allowlist)) fail('vault.allowlist', 'expected a list of addresses')
    for (const [i, a] of (vault.allowlist as unknown[]).entries())
      if (!ADDRESS.test(String(a))) fail(`vault.allowlist[${i}]`, 'not an address')
    for (const key of ['perTransaction', 'daily']) {
      const limits = vault[key]
      if (limits === undefined && key === 'daily') continue
      if (!limits || typeof limits !== 'object') fail(`vault.${key}`, 'expected { asset: amount }')
      for (const [asset, v] of Object.entries(limits as object))
        if (!AMOUNT.test(String(v))) fail(`vault.${key}.${asset}`, 'expected a decimal amount')
    }
    if (vault.onUntrusted !== undefined && !['needs-approval', 'deny'].includes(String(vault.onUntrusted)))
      fail('vault.onUntrusted', 'needs-approval or deny')
    if (vault.tokens !== undefined) {
      if (!Array.isArray(vault.tokens)) fail('vault.tokens', 'expected a list of token addresses')
      for (const [i, a] of (vault.tokens as unknown[]).entries())
        if (!ADDRESS.test(String(a))) fail(`vault.tokens[${i}]`, 'not an address')
    }
    if (vault.policy !== undefined && (typeof vault.policy !== 'string' || vault.policy === ''))
      fail('vault.policy', "expected the path of the vault's policy file")
    if (vault.swaps !== undefined) checkSwaps(vault.swaps, fail)
  }
  const budgets = (c.budgets ?? {}) as { [k: string]: unknown }
  for (const [k, v] of Object.entries(budgets)) {
    if (!['maxSteps', 'maxTokens', 'maxMs'].includes(k)) fail(`budgets.${k}`, 'unknown budget')
    if (!Number.isInteger(v) || (v as number) < 1) fail(`budgets.${k}`, 'expected a positive integer')
  }
  return c as AgentConfig
}

function checkSwaps(swaps: unknown, fail: (field: string, why: string) => never): void {
  if (!swaps || typeof swaps !== 'object' || Array.isArray(swaps))
    fail('vault.swaps', 'expected { pairs: [address], slippageBps: integer }')
  const s = swaps as { [k: string]: unknown }
  for (const key of Object.keys(s))
    if (key !== 'pairs' && key !== 'slippageBps')
      fail(`vault.swaps.${key}`, 'unknown setting (pairs, slippageBps)')
  if (s.pairs !== undefined) {
    if (!Array.isArray(s.pairs)) fail('vault.swaps.pairs', 'expected a list of Uniswap V2 pair addresses')
    for (const [i, a] of (s.pairs as unknown[]).entries())
      if (!ADDRESS.test(String(a))) fail(`vault.swaps.pairs[${i}]`, 'not an address')
  }
  const bps = s.slippageBps
  if (bps !== undefined && (!Number.isInteger(bps) || (bps as number) < 0 || (bps as number) > 9_999))
    fail('vault.swaps.slippageBps', 'expected an integer from 0 to 9999 (basis points)')
}
