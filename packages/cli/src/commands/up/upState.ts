import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CliError } from '../../errors/CliError.ts'
import type { StoredVault } from './world/setupDemoVault.ts'

/** What `sextant up` keeps in its data dir between runs (resume). Secrets: the file is 0600. */
export type UpState = {
  version: 1
  /** The audit log's origin and signer key. */
  origin: string
  signerKey: string
  /** Bearer token for the API's writes. */
  token: string
  /** Chain id and contract addresses of the last deployment, reused while their code is still there. */
  chainId?: number
  contracts?: Record<string, `0x${string}`>
  logId?: `0x${string}`
  /** The treasury agent's vault (Safe, module, session key), reused while the chain still holds it. */
  vault?: StoredVault
  /** Agent sessions run so far (numbering continues). */
  sessions: number
  /** Market launches played so far by the simulator (the next seed). */
  marketRounds?: number
}

/**
 * Reads `state.json` from the data dir, or undefined on a first run. Throws {@link CliError} if it is unreadable.
 *
 * @example
 * const state = readUpState('.sextant')
 */
export function readUpState(dataDir: string): UpState | undefined {
  const path = join(dataDir, 'state.json')
  if (!existsSync(path)) return undefined
  let state: UpState
  try {
    state = JSON.parse(readFileSync(path, 'utf8')) as UpState
  } catch (cause) {
    throw new CliError('cannot read the stored state', { details: path, cause })
  }
  if (state?.version !== 1 || typeof state.signerKey !== 'string')
    throw new CliError('cannot read the stored state', { details: `${path}: unknown state format` })
  return state
}

/**
 * Writes `state.json` atomically (temp file + rename), readable by the owner only.
 *
 * @example
 * writeUpState('.sextant', { ...state, sessions: state.sessions + 1 })
 */
export function writeUpState(dataDir: string, state: UpState): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const path = join(dataDir, 'state.json')
  writeFileSync(`${path}.tmp`, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 })
  chmodSync(`${path}.tmp`, 0o600)
  renameSync(`${path}.tmp`, path)
}
