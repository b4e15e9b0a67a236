import type { HashReader } from '../tree/HashReader.ts'

/** A signed checkpoint as stored: the tree size it commits to, the full C2SP signed note, when stored (ms epoch). */
export type StoredCheckpoint = { size: number; note: string; createdAt: number }

/** An entry to append: the bytes that enter the tree, and optionally its private secret kept off the tree. */
export type NewEntry = { data: Uint8Array; secret?: Uint8Array }

/**
 * Durable storage of one log: entries, the RFC 6962 stored hashes, checkpoints and the per-entry secrets that
 * erasure destroys. Implemented for SQLite (embedded default) and PostgreSQL (several processes or machines).
 * Every method is atomic: it either completes or changes nothing.
 *
 * @example
 * const storage = await openSqliteStorage({ path: 'audit.db', origin: 'sextant.local/audit' })
 * const { firstIndex } = await storage.appendEntries([{ data: bytes }])
 */
export type LogStorage = HashReader & {
  /** The log's origin line (C2SP checkpoint origin), which names the log. */
  readonly origin: string
  /**
   * Appends entries in one transaction under the log's write lock, assigning dense sequence numbers and
   * storing their tree hashes. Resolves only once the transaction is durable (fsynced / committed).
   * Safe with several writer processes on one log. An entry's optional `secret` (the material erasure
   * destroys: payload key, salts, ciphertext) is written in the same transaction. Throws InvalidInputError,
   * writing nothing, for an empty batch or an entry whose data (or secret) is not a non-empty Uint8Array.
   */
  appendEntries(entries: ReadonlyArray<NewEntry>): Promise<{ firstIndex: number; size: number }>
  /** Current number of entries. */
  size(): Promise<number>
  /** Entries [start, end), in order; throws InvalidInputError unless 0 <= start <= end <= size. */
  readEntries(start: number, end: number): Promise<Uint8Array[]>
  /**
   * Stores a checkpoint; ignores one of a size already stored with the same note. Throws InvalidInputError for a
   * different note of a stored size, or a size beyond the log's.
   */
  putCheckpoint(checkpoint: Omit<StoredCheckpoint, 'createdAt'>): Promise<void>
  /** The checkpoint of the largest size, if any. */
  latestCheckpoint(): Promise<StoredCheckpoint | undefined>
  /** The checkpoint of exactly this size, if one was stored. */
  getCheckpoint(size: number): Promise<StoredCheckpoint | undefined>
  /** The secret of an entry, or undefined once erased (or never stored); InvalidInputError past the log's end. */
  getSecret(index: number): Promise<Uint8Array | undefined>
  /**
   * Destroys an entry's secret. Returns false if none existed. SQLite: secure delete, then the WAL is
   * checkpointed and truncated, so neither file holds the bytes. PostgreSQL has no secure delete: the row is
   * deleted and the table vacuumed, but copies may persist in pg_wal and free space until overwritten; where
   * physical erasure matters there, store the secret encrypted and erase its key (crypto-shredding).
   */
  eraseSecret(index: number): Promise<boolean>
  /** Releases connections and file handles. */
  close(): Promise<void>
}
