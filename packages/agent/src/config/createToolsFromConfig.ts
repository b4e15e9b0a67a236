import type { AuditLog } from '@sextant/audit/log/AuditLog'
import type { Address, PublicClient } from 'viem'
import { ConfigError } from '../errors/AgentError.ts'
import type { WalletGuard } from '../guard/WalletGuard.ts'
import { auditHistoryTool } from '../tools/audit/auditHistoryTool.ts'
import { chainTools } from '../tools/chain/chainTools.ts'
import type { Tool } from '../tools/Tool.ts'
import { vaultTools } from '../tools/vault/vaultTools.ts'
import { webFetchTool } from '../tools/web/webFetchTool.ts'

/** What the built-in tools need. */
export type ToolDependencies = {
  guard?: WalletGuard
  publicClient?: PublicClient
  log?: AuditLog
  agentId: string
  tokens?: Address[]
}

/**
 * The tools a config lists: groups (`vault`, `chain`, `web`, `audit`) or single built-in tool names. Throws
 * ConfigError for an unknown name or a tool whose dependency (guard, chain, log) is missing.
 *
 * @example
 * const tools = createToolsFromConfig(['vault', 'chain_balance'], { guard, publicClient, agentId: 'treasury' })
 */
export function createToolsFromConfig(names: string[], deps: ToolDependencies): Tool[] {
  const need = <T>(value: T | undefined, what: string, name: string): T => {
    if (value === undefined) throw new ConfigError(`tool needs ${what}`, { details: name })
    return value
  }
  const groups: { [group: string]: () => Tool[] } = {
    vault: () =>
      vaultTools({
        guard: need(deps.guard, 'a vault', 'vault'),
        ...(deps.publicClient ? { publicClient: deps.publicClient } : {}),
        ...(deps.tokens ? { tokens: deps.tokens } : {}),
      }),
    chain: () => chainTools(need(deps.publicClient, 'a chain', 'chain')),
    web: () => [webFetchTool()],
    audit: () => [auditHistoryTool(need(deps.log, 'an audit log', 'audit'), deps.agentId)],
  }
  const out = new Map<string, Tool>()
  for (const name of names) {
    const group = groups[name]
    if (group) {
      for (const t of group()) out.set(t.name, t)
      continue
    }
    const prefix = name.split('_')[0]!
    const tool = groups[prefix === 'web' || prefix === 'audit' ? prefix : prefix]?.().find(
      (t) => t.name === name,
    )
    if (!tool) throw new ConfigError('unknown tool', { details: name })
    out.set(tool.name, tool)
  }
  return [...out.values()]
}
