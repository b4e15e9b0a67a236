import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { AgentConfig } from '@sextant/agent/config/AgentConfig'
import { createModelFromConfig } from '@sextant/agent/config/createModelFromConfig'
import { createSwapSettingsFromConfig } from '@sextant/agent/config/createSwapSettingsFromConfig'
import { createToolsFromConfig } from '@sextant/agent/config/createToolsFromConfig'
import { parseAgentConfig } from '@sextant/agent/config/parseAgentConfig'
import { createPolicyGuard } from '@sextant/agent/guard/createPolicyGuard'
import { createVaultGuard } from '@sextant/agent/guard/createVaultGuard'
import type { WalletGuard } from '@sextant/agent/guard/WalletGuard'
import type { AgentRunResult } from '@sextant/agent/runtime/AgentRunResult'
import { runAgent } from '@sextant/agent/runtime/runAgent'
import { generateSignerKey } from '@sextant/audit/note/generateSignerKey'
import { connectChain } from '@sextant/chain/clients/connectChain'
import { openApprovalStore } from '@sextant/vault/approvals/openApprovalStore'
import type { Vault } from '@sextant/vault/sdk/Vault'
import { type Address, getAddress, type Hex, parseUnits } from 'viem'
import { CliError } from '../../errors/CliError.ts'
import { type AuditOptions, logKeyPath, withLog, writeLogKey } from '../audit/auditContext.ts'
import { type AgentRunOptions, mergeRunOptions } from './agentRunOptions.ts'

/** Return type of {@link runAgentCommand}. */
export type RunAgentCommandReturnType = Omit<AgentRunResult, 'messages' | 'payments'> & {
  vault: Address
  chainId: number
  payments: {
    decision: string
    rule: string
    reason: string
    to: string
    value: string
    asset: string
    txHash?: string
    approvalId?: string
    provenance: object
  }[]
  log: { origin: string; indexes: number[] }
}

/**
 * `sextant agent run`: builds the agent from a config file and flags, connects the chain (embedded anvil by
 * default) and the wallet guard, opens the audit log (creating its key on first use), runs the task, and returns
 * what happened. With `--vault-module` (or the vault `sextant vault create` saved in the data dir), payments go
 * through the Safe-module vault (the key is the agent's session key; held requests land in `sextant vault
 * approvals`; swaps run on the pairs of the vault's policy file, `--vault-policy`, and of `--swap-pair`); otherwise
 * through the TypeScript policy guard signing with the vault's own key.
 *
 * @example
 * const report = await runAgentCommand('Pay invoice 42', { model: 'http://127.0.0.1:8080/v1' }, auditOptions)
 */
export async function runAgentCommand(
  task: string,
  options: AgentRunOptions,
  audit: AuditOptions,
): Promise<RunAgentCommandReturnType> {
  let base: AgentConfig | undefined
  if (options.config) {
    if (!existsSync(options.config)) throw new CliError('config file not found', { details: options.config })
    base = parseAgentConfig(readFileSync(options.config, 'utf8'))
  }
  const config = mergeRunOptions(base, options)
  const baseDir = options.config ? dirname(options.config) : '.'
  const model = createModelFromConfig(config.model, baseDir)
  const keyEnv = config.chain?.privateKeyEnv ?? 'SEXTANT_PRIVATE_KEY'
  const privateKey = (options.privateKey ?? process.env[keyEnv]) as Hex | undefined
  const rpcUrl = config.chain?.rpcUrl
  const chain = await connectChain({ ...(rpcUrl ? { rpcUrl } : {}), ...(privateKey ? { privateKey } : {}) })
  try {
    const vaultAddress = config.vault?.address
    const v = config.vault!
    // The vault `sextant vault create` saved in this data dir, when --vault names it (or is left out).
    const savedPath = join(audit.dataDir, 'vault.json')
    const saved = existsSync(savedPath)
      ? (JSON.parse(readFileSync(savedPath, 'utf8')) as Pick<Vault, 'safe' | 'module'> &
          Partial<Pick<Vault, 'singletons'>>)
      : undefined
    const useSaved =
      !options.vaultModule &&
      saved &&
      (!vaultAddress || vaultAddress.toLowerCase() === saved.safe.toLowerCase())
    const vaultModule = options.vaultModule ?? (useSaved ? saved.module : undefined)
    if (vaultModule) {
      const safe = vaultAddress ?? saved?.safe
      if (!safe) throw new CliError('--vault-module needs --vault <safe address>')
      mkdirSync(audit.dataDir, { recursive: true })
      // Swaps: the pairs of the vault's policy file (`swaps:`) and of the config or flags.
      const { tokens, ...swaps } = createSwapSettingsFromConfig(v, baseDir)
      // The same approvals database as `sextant vault approvals|approve|deny`.
      const store = openApprovalStore({ path: join(audit.dataDir, 'vault.db') })
      const guard = createVaultGuard({
        client: chain,
        vault: {
          chainId: chain.chain.id,
          safe: safe as Address,
          module: vaultModule as Address,
          ...(useSaved && saved.singletons ? { singletons: saved.singletons } : {}),
        },
        sessionKey: chain.account,
        store,
        ...swaps,
        ...(tokens ? { tokens } : {}),
      })
      try {
        return await runWith(
          guard,
          tokens?.map((t) => t.address),
        )
      } finally {
        store.close()
      }
    }
    if (v.policy || v.swaps)
      throw new CliError('swaps need the Safe-module vault', {
        details:
          'pass --vault <safe> --vault-module <module> (the policy guard over a plain key has no swap venue)',
      })
    if (vaultAddress && vaultAddress.toLowerCase() !== chain.account.address.toLowerCase()) {
      throw new CliError('this key does not control the vault', {
        details: `vault ${vaultAddress}, key ${chain.account.address}: the policy guard signs with the vault's own key`,
      })
    }
    const limits = (m: { [asset: string]: string } | undefined) =>
      Object.fromEntries(
        Object.entries(m ?? {}).map(([asset, amount]) => [
          asset === 'ETH' ? 'ETH' : asset.toLowerCase(),
          parseUnits(amount, 18),
        ]),
      )
    const guard = createPolicyGuard({
      publicClient: chain.publicClient,
      walletClient: chain.walletClient,
      policy: {
        allowlist: v.allowlist as Address[],
        perTransaction: limits(v.perTransaction),
        daily: limits(v.daily ?? v.perTransaction),
        ...(v.onUntrusted ? { onUntrusted: v.onUntrusted } : {}),
      },
    })
    return await runWith(guard)
  } finally {
    await model.close?.()
    await chain.close()
  }

  async function runWith(guard: WalletGuard, policyTokens?: Address[]): Promise<RunAgentCommandReturnType> {
    const v = config.vault!
    const tokens = [...new Set([...(policyTokens ?? []), ...(v.tokens ?? []).map((t) => getAddress(t))])]
    if (!existsSync(logKeyPath(audit)))
      writeLogKey(audit, generateSignerKey({ name: audit.origin }).signerKey)
    const agentId = config.agent?.id ?? 'sextant-agent'
    const result = await withLog(audit, (log) =>
      runAgent({
        model,
        tools: createToolsFromConfig(config.tools, {
          guard,
          publicClient: chain.publicClient,
          log,
          agentId,
          ...(tokens.length > 0 ? { tokens } : {}),
        }),
        task,
        log,
        agentId,
        ...(config.agent?.name ? { agentName: config.agent.name } : {}),
        ...(config.system ? { system: config.system } : {}),
        ...(config.descriptions ? { descriptions: config.descriptions } : {}),
        ...(config.budgets ? { budgets: config.budgets } : {}),
        ...(config.request ? { request: config.request } : {}),
      }),
    )
    const { messages: _m, payments, logIndexes, ...rest } = result
    return {
      ...rest,
      logIndexes,
      vault: guard.address,
      chainId: guard.chainId,
      payments: payments.map((p) => ({
        decision: p.decision,
        rule: p.rule,
        reason: p.reason,
        to: p.to,
        value: p.value.toString(),
        asset: p.asset,
        provenance: p.provenance,
        ...(p.txHash ? { txHash: p.txHash } : {}),
        ...(p.approvalId ? { approvalId: p.approvalId } : {}),
      })),
      log: { origin: audit.origin, indexes: logIndexes },
    }
  }
}
