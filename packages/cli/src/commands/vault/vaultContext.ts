import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { AuditLog } from '@sextant/audit/log/AuditLog'
import { type ConnectChainReturnType, connectChain } from '@sextant/chain/clients/connectChain'
import { type ApprovalStore, openApprovalStore } from '@sextant/vault/approvals/openApprovalStore'
import type { Vault } from '@sextant/vault/sdk/Vault'
import type { Command } from 'commander'
import type { Hex } from 'viem'
import { CliError } from '../../errors/CliError.ts'
import { logKeyPath, openLogFromOptions } from '../audit/auditContext.ts'

/** Options every `sextant vault` command shares. */
export type VaultOptions = { dataDir: string; vault?: string; rpc?: string; key?: string }

/**
 * Adds `--data-dir`, `--vault` (the saved vault file), `--rpc` and `--key` (the sender of transactions).
 *
 * @example
 * withVaultOptions(vault.command('execute'))
 */
export function withVaultOptions(command: Command): Command {
  return command
    .option(
      '--data-dir <dir>',
      'where the vault file, approvals and audit log live',
      process.env.SEXTANT_DATA_DIR ?? '.sextant',
    )
    .option('--vault <file>', 'the saved vault (default <data-dir>/vault.json)')
    .option('--rpc <url>', 'JSON-RPC URL of the chain', process.env.SEXTANT_RPC_URL)
    .option(
      '--key <hex>',
      'private key that pays for transactions (default: $SEXTANT_KEY)',
      process.env.SEXTANT_KEY,
    )
}

/** Connects to the chain named by `--rpc` (required: a vault lives on a chain that outlives one command). */
export async function connectFromOptions(options: VaultOptions): Promise<ConnectChainReturnType> {
  if (!options.rpc)
    throw new CliError('no chain', {
      details: 'pass --rpc <url> (or set SEXTANT_RPC_URL); e.g. sextant chain start',
    })
  return connectChain({
    rpcUrl: options.rpc,
    ...(options.key ? { privateKey: options.key as Hex } : {}),
    ...(options.key ? {} : { privateKey: devKey() }),
  })
}

function devKey(): Hex {
  // anvil's first development key, as `connectChain` uses for the embedded node.
  return '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80'
}

/** Path of the saved vault. */
export function vaultPath(options: VaultOptions): string {
  return options.vault ?? join(options.dataDir, 'vault.json')
}

/** Saves a vault descriptor (addresses only, no keys). */
export function saveVault(options: VaultOptions, vault: Vault): string {
  const path = vaultPath(options)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, `${JSON.stringify(vault, null, 2)}\n`)
  return path
}

/** Loads the saved vault, with a hint when there is none. */
export function loadVault(options: VaultOptions): Vault {
  const path = vaultPath(options)
  if (!existsSync(path))
    throw new CliError('no vault', { details: `${path} does not exist; run: sextant vault create` })
  return JSON.parse(readFileSync(path, 'utf8')) as Vault
}

/** Opens the approvals database in the data dir. */
export function openStore(options: VaultOptions): ApprovalStore {
  mkdirSync(options.dataDir, { recursive: true })
  return openApprovalStore({ path: join(options.dataDir, 'vault.db') })
}

/** Opens the audit log when `sextant audit init` was run in this data dir (every attempt is then recorded). */
export async function maybeOpenLog(options: VaultOptions): Promise<AuditLog | undefined> {
  const audit = { dataDir: options.dataDir, origin: 'sextant.local/audit' }
  return existsSync(logKeyPath(audit)) ? openLogFromOptions(audit) : undefined
}

/** Parses a 0x private key option. */
export function parseKey(value: string | undefined, name: string): Hex {
  if (!value || !/^0x[0-9a-fA-F]{64}$/.test(value))
    throw new CliError(`invalid ${name}`, { details: 'expected 0x and 64 hex digits' })
  return value as Hex
}
