import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AuditLog } from '@sextant/audit/log/AuditLog'
import { openAuditLog } from '@sextant/audit/log/openAuditLog'
import { openStorage } from '@sextant/audit/storage/openStorage'
import type { Command } from 'commander'
import { CliError } from '../../errors/CliError.ts'

/** Options every `sextant audit` command shares. */
export type AuditOptions = { dataDir: string; origin: string; db?: string }

/**
 * Adds the shared `--data-dir`, `--origin` and `--db` options to an audit command.
 *
 * @example
 * withAuditOptions(audit.command('append'))
 */
export function withAuditOptions(command: Command): Command {
  return command
    .option(
      '--data-dir <dir>',
      'where keys and the embedded database live',
      process.env.SEXTANT_DATA_DIR ?? '.sextant',
    )
    .option('--origin <origin>', 'the log origin (its name in checkpoints)', 'sextant.local/audit')
    .option('--db <url>', 'SQLite file or postgres:// URL (default <data-dir>/audit.db)')
}

/** Path of the log's private signing key inside the data dir. */
export function logKeyPath({ dataDir, origin }: AuditOptions): string {
  return join(dataDir, 'keys', `${origin.replace(/[^A-Za-z0-9.-]/g, '_')}.key`)
}

/**
 * Reads the log's signer key, failing with a hint when `sextant audit init` was not run.
 *
 * @example
 * const signerKey = readLogKey(options)
 */
export function readLogKey(options: AuditOptions): string {
  const path = logKeyPath(options)
  if (!existsSync(path))
    throw new CliError('no signing key for this log', {
      details: `run: sextant audit init (looked in ${path})`,
    })
  return readFileSync(path, 'utf8').trim()
}

/**
 * Writes a new signer key with owner-only permissions; refuses to overwrite one.
 *
 * @example
 * writeLogKey(options, signerKey)
 */
export function writeLogKey(options: AuditOptions, signerKey: string): string {
  const path = logKeyPath(options)
  if (existsSync(path)) throw new CliError('this log already has a key', { details: path })
  mkdirSync(join(options.dataDir, 'keys'), { recursive: true, mode: 0o700 })
  writeFileSync(path, `${signerKey}\n`, { mode: 0o600, flag: 'wx' })
  chmodSync(path, 0o600)
  return path
}

/**
 * Opens the configured audit log (storage + signing key) for one command, with checkpoints only on demand.
 *
 * @example
 * const log = await openLogFromOptions(options)
 */
export async function openLogFromOptions(options: AuditOptions): Promise<AuditLog> {
  const signerKey = readLogKey(options)
  const storage = await openStorage({
    url: options.db ?? join(options.dataDir, 'audit.db'),
    origin: options.origin,
  })
  try {
    return await openAuditLog({ storage, signerKey, checkpointIntervalMs: 0 })
  } catch (error) {
    await storage.close()
    throw error
  }
}

/**
 * Opens the log, runs `fn`, and always closes the log (flushing pending appends).
 *
 * @example
 * const size = await withLog(options, (log) => log.storage.size())
 */
export async function withLog<T>(options: AuditOptions, fn: (log: AuditLog) => Promise<T>): Promise<T> {
  const log = await openLogFromOptions(options)
  try {
    return await fn(log)
  } finally {
    await log.close()
  }
}
