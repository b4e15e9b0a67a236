import { readFileSync } from 'node:fs'
import { describePolicy } from '@sextant/vault/policy/describePolicy'
import { parsePolicy } from '@sextant/vault/policy/parsePolicy'
import { policyJsonSchema } from '@sextant/vault/policy/policyJsonSchema'
import { createVault } from '@sextant/vault/sdk/createVault'
import { pause } from '@sextant/vault/sdk/pause'
import { revokeSessionKey } from '@sextant/vault/sdk/revokeSessionKey'
import { setPolicy } from '@sextant/vault/sdk/setPolicy'
import type { Command } from 'commander'
import { getAddress } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { CliError } from '../../errors/CliError.ts'
import { printResult } from '../../output/printResult.ts'
import {
  connectFromOptions,
  loadVault,
  parseKey,
  saveVault,
  type VaultOptions,
  withVaultOptions,
} from './vaultContext.ts'

const collect = (value: string, previous: string[] = []) => [...previous, value]
const readPolicy = (file: string) => {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (cause) {
    throw new CliError('cannot read the policy file', { details: file, cause })
  }
  return parsePolicy(text)
}

/**
 * Adds `sextant vault create | policy | revoke | pause`.
 *
 * @example
 * addVaultSetupCommands(vault)
 */
export function addVaultSetupCommands(vault: Command): void {
  withVaultOptions(vault.command('create'))
    .description(
      'deploy a Safe with its owners, the guard module and the policy, and create an agent session key',
    )
    .requiredOption('--policy <file>', 'policy file (YAML or JSON)')
    .requiredOption('--owner-key <hex>', 'an owner who signs the setup (repeat for more)', collect)
    .option('--threshold <n>', 'owner signatures per Safe transaction (default: all)', Number)
    .option('--session-key <address>', 'use this agent key instead of generating one')
    .action(
      async (
        options: VaultOptions & {
          policy: string
          ownerKey: string[]
          threshold?: number
          sessionKey?: string
        },
        command: Command,
      ) => {
        const policy = readPolicy(options.policy)
        const owners = options.ownerKey.map((k) => privateKeyToAccount(parseKey(k, 'owner key')))
        const chain = await connectFromOptions(options)
        try {
          const created = await createVault(chain, {
            owners,
            policy,
            ...(options.threshold ? { threshold: options.threshold } : {}),
            ...(options.sessionKey ? { sessionKey: getAddress(options.sessionKey) } : {}),
          })
          const { sessionKeyPrivateKey, ...saved } = created
          const path = saveVault(options, saved)
          printResult(command, { ...created, file: path }, () =>
            [
              `vault created: Safe ${created.safe}, guard module ${created.module} (saved to ${path})`,
              `agent session key: ${created.sessionKey}${sessionKeyPrivateKey ? `\nits private key (give it to the agent, shown once): ${sessionKeyPrivateKey}` : ''}`,
            ].join('\n'),
          )
        } finally {
          await chain.close()
        }
      },
    )

  withVaultOptions(vault.command('policy'))
    .description(
      'check a policy file and describe it in words; --apply makes the vault enforce exactly this file (dropped rules removed at once, loosening timelocked)',
    )
    .argument('[file]', 'policy file (YAML or JSON)')
    .option('--schema', 'print the JSON Schema of policy files')
    .option('--apply', 'set it on the saved vault, signed by --owner-key')
    .option('--owner-key <hex>', 'an owner who signs (repeat for more)', collect)
    .option(
      '--log-range <blocks>',
      "most blocks per eth_getLogs request when reading the module's allowlist (default 10000)",
      parseLogRange,
    )
    .action(
      async (
        file: string | undefined,
        options: VaultOptions & { schema?: boolean; apply?: boolean; ownerKey?: string[]; logRange?: bigint },
        command: Command,
      ) => {
        if (options.schema)
          return printResult(command, policyJsonSchema(), () => JSON.stringify(policyJsonSchema(), null, 2))
        if (!file) throw new CliError('no policy file', { details: 'sextant vault policy <file>' })
        const policy = readPolicy(file)
        const lines = describePolicy(policy)
        if (!options.apply)
          return printResult(command, { valid: true, description: lines }, () => lines.join('\n'))
        const owners = (options.ownerKey ?? []).map((k) => privateKeyToAccount(parseKey(k, 'owner key')))
        if (owners.length === 0) throw new CliError('--apply needs --owner-key')
        const chain = await connectFromOptions(options)
        try {
          // the saved vault's deployBlock is where setPolicy starts reading the module's events
          const result = await setPolicy(chain, {
            vault: loadVault(options),
            owners,
            policy,
            ...(options.logRange ? { logRange: options.logRange } : {}),
          })
          printResult(
            command,
            { description: lines, ...result },
            () =>
              `${result.applied.length} change(s) applied now; ${result.queued.length} loosening change(s) queued${result.queued.length ? ` until ${new Date(Number(result.queued[0]!.eta) * 1000).toISOString()}` : ''}`,
          )
        } finally {
          await chain.close()
        }
      },
    )

  withVaultOptions(vault.command('revoke'))
    .description('revoke an agent session key at once (a guardian key, or --owner-key for the Safe)')
    .argument('<session-key>', 'the agent key address')
    .option('--guardian-key <hex>', 'a guardian of the module')
    .option('--owner-key <hex>', 'Safe owners instead of a guardian (repeat)', collect)
    .action(
      async (
        key: string,
        options: VaultOptions & { guardianKey?: string; ownerKey?: string[] },
        command: Command,
      ) => {
        const saved = loadVault(options)
        const chain = await connectFromOptions(options)
        try {
          const hash = await revokeSessionKey(chain, {
            module: saved.module,
            key: getAddress(key),
            by: authority(options, saved.safe),
          })
          printResult(
            command,
            { revoked: getAddress(key), txHash: hash },
            () => `session key ${key} revoked (${hash})`,
          )
        } finally {
          await chain.close()
        }
      },
    )

  withVaultOptions(vault.command('pause'))
    .description('pause the vault at once; --kill also revokes every session key and cancels queued changes')
    .option('--kill', 'the kill switch')
    .option('--guardian-key <hex>', 'a guardian of the module')
    .option('--owner-key <hex>', 'Safe owners instead of a guardian (repeat)', collect)
    .action(
      async (
        options: VaultOptions & { kill?: boolean; guardianKey?: string; ownerKey?: string[] },
        command: Command,
      ) => {
        const saved = loadVault(options)
        const chain = await connectFromOptions(options)
        try {
          const hash = await pause(chain, {
            module: saved.module,
            by: authority(options, saved.safe),
            ...(options.kill ? { kill: true } : {}),
          })
          printResult(
            command,
            { paused: true, killed: options.kill === true, txHash: hash },
            () => `vault ${options.kill ? 'killed' : 'paused'} (${hash})`,
          )
        } finally {
          await chain.close()
        }
      },
    )
}

function parseLogRange(value: string): bigint {
  if (!/^[1-9][0-9]*$/.test(value))
    throw new CliError('invalid --log-range', {
      details: `expected a positive number of blocks, got ${value}`,
    })
  return BigInt(value)
}

function authority(options: { guardianKey?: string; ownerKey?: string[] }, safe: `0x${string}`) {
  if (options.guardianKey)
    return { guardian: privateKeyToAccount(parseKey(options.guardianKey, 'guardian key')) }
  if (options.ownerKey?.length)
    return { safe, owners: options.ownerKey.map((k) => privateKeyToAccount(parseKey(k, 'owner key'))) }
  throw new CliError('who acts?', { details: 'pass --guardian-key or --owner-key' })
}
