import Database from 'better-sqlite3'
import type { Address, Hex } from 'viem'
import { ApprovalError } from '../errors/VaultError.ts'
import type { ApprovalRequest, ApprovalStatus } from './ApprovalRequest.ts'

/** Parameters of {@link openApprovalStore}. */
export type OpenApprovalStoreParameters = {
  /** SQLite file (created if missing); `':memory:'` for tests. */
  path: string
  /** Clock in unix seconds (tests). */
  now?: () => number
}

/** A new request for {@link ApprovalStore.add}. */
export type NewApprovalRequest = Omit<
  ApprovalRequest,
  | 'id'
  | 'status'
  | 'createdAt'
  | 'expiresAt'
  | 'decidedAt'
  | 'decidedBy'
  | 'nonce'
  | 'expiry'
  | 'signature'
  | 'txHash'
> & {
  /** Seconds until the request expires on its own (default 24 h). */
  ttlSeconds?: number
}

/** The pending-approvals store. */
export type ApprovalStore = {
  add(request: NewApprovalRequest): ApprovalRequest
  get(id: number): ApprovalRequest
  list(filter?: { status?: ApprovalStatus }): ApprovalRequest[]
  /** Records an owner's co-signature; only a pending, unexpired request. */
  approve(
    id: number,
    decision: { by: Address; nonce: bigint; expiry: bigint; signature: Hex },
  ): ApprovalRequest
  deny(id: number, decision: { by: Address }): ApprovalRequest
  /** Marks an approved request executed (its co-signature is spent on-chain). */
  markExecuted(id: number, txHash: Hex): ApprovalRequest
  close(): void
}

const schema = `CREATE TABLE IF NOT EXISTS vault_approvals (
  id INTEGER PRIMARY KEY AUTOINCREMENT, status TEXT NOT NULL, chain_id INTEGER NOT NULL, safe TEXT NOT NULL,
  module TEXT NOT NULL, session_key TEXT NOT NULL, target TEXT NOT NULL, value TEXT NOT NULL, data TEXT NOT NULL,
  rule TEXT NOT NULL, reason TEXT NOT NULL, explanation TEXT NOT NULL, created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL, decided_at INTEGER, decided_by TEXT, nonce TEXT, expiry TEXT, signature TEXT, tx_hash TEXT)`

type Row = Record<string, string | number | null>

/**
 * Opens the store of payments waiting for a human (SQLite). Requests expire on their own: a pending request
 * past `expiresAt` reads as `expired` and can no longer be approved.
 *
 * @example
 * const store = openApprovalStore({ path: 'vault.db' })
 * const request = store.add({ chainId, safe, module, sessionKey, to, value, data, rule, reason, explanation })
 */
export function openApprovalStore(parameters: OpenApprovalStoreParameters): ApprovalStore {
  const db = new Database(parameters.path)
  db.pragma('journal_mode = WAL')
  db.pragma('busy_timeout = 5000')
  db.exec(schema)
  const now = parameters.now ?? (() => Math.floor(Date.now() / 1000))
  const expire = () =>
    db
      .prepare(`UPDATE vault_approvals SET status = 'expired' WHERE status = 'pending' AND expires_at < ?`)
      .run(now())
  const get = (id: number): ApprovalRequest => {
    expire()
    const row = db.prepare('SELECT * FROM vault_approvals WHERE id = ?').get(id) as Row | undefined
    if (!row) throw new ApprovalError('unknown approval request', { details: `id ${id}` })
    return fromRow(row)
  }
  const decide = (id: number, to: ApprovalStatus, from: ApprovalStatus, set: string, values: unknown[]) => {
    const current = get(id)
    if (current.status !== from) {
      throw new ApprovalError(`approval request is ${current.status}`, {
        details: `id ${id}: only a ${from} request can become ${to}`,
      })
    }
    db.prepare(`UPDATE vault_approvals SET status = ?, ${set} WHERE id = ? AND status = ?`).run(
      to,
      ...values,
      id,
      from,
    )
    return get(id)
  }
  return {
    add: (request) => {
      const created = now()
      const info = db
        .prepare(
          `INSERT INTO vault_approvals (status, chain_id, safe, module, session_key, target, value, data, rule, reason, explanation, created_at, expires_at)
           VALUES ('pending', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          request.chainId,
          request.safe,
          request.module,
          request.sessionKey,
          request.to,
          request.value.toString(),
          request.data,
          request.rule,
          request.reason,
          request.explanation,
          created,
          created + (request.ttlSeconds ?? 86_400),
        )
      return get(Number(info.lastInsertRowid))
    },
    get,
    list: (filter = {}) => {
      expire()
      const rows = filter.status
        ? db.prepare('SELECT * FROM vault_approvals WHERE status = ? ORDER BY id').all(filter.status)
        : db.prepare('SELECT * FROM vault_approvals ORDER BY id').all()
      return (rows as Row[]).map(fromRow)
    },
    approve: (id, d) =>
      decide(
        id,
        'approved',
        'pending',
        'decided_at = ?, decided_by = ?, nonce = ?, expiry = ?, signature = ?',
        [now(), d.by, d.nonce.toString(), d.expiry.toString(), d.signature],
      ),
    deny: (id, d) => decide(id, 'denied', 'pending', 'decided_at = ?, decided_by = ?', [now(), d.by]),
    markExecuted: (id, txHash) => decide(id, 'executed', 'approved', 'tx_hash = ?', [txHash]),
    close: () => db.close(),
  }
}

function fromRow(row: Row): ApprovalRequest {
  return {
    id: Number(row.id),
    status: row.status as ApprovalStatus,
    chainId: Number(row.chain_id),
    safe: row.safe as Address,
    module: row.module as Address,
    sessionKey: row.session_key as Address,
    to: row.target as Address,
    value: BigInt(row.value!),
    data: row.data as Hex,
    rule: String(row.rule),
    reason: String(row.reason),
    explanation: String(row.explanation),
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
    ...(row.decided_at !== null ? { decidedAt: Number(row.decided_at) } : {}),
    ...(row.decided_by !== null ? { decidedBy: row.decided_by as Address } : {}),
    ...(row.nonce !== null ? { nonce: BigInt(row.nonce!) } : {}),
    ...(row.expiry !== null ? { expiry: BigInt(row.expiry!) } : {}),
    ...(row.signature !== null ? { signature: row.signature as Hex } : {}),
    ...(row.tx_hash !== null ? { txHash: row.tx_hash as Hex } : {}),
  }
}
