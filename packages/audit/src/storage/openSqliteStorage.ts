import { randomUUID } from 'node:crypto'
import { realpathSync } from 'node:fs'
import Database from 'better-sqlite3'
import { InvalidInputError, StorageError } from '../errors/AuditError.ts'
import { storedHashCount } from '../tree/storedHashCount.ts'
import { asStorageError } from './asStorageError.ts'
import { assertIntegerInRange } from './assertIntegerInRange.ts'
import { assertOrigin } from './assertOrigin.ts'
import { batchHashes } from './batchHashes.ts'
import type { LogStorage, StoredCheckpoint } from './LogStorage.ts'
import { prepareEntries } from './prepareEntries.ts'
import { beginImmediate } from './sqlite/beginImmediate.ts'
import { prepareSqliteStatements } from './sqlite/prepareSqliteStatements.ts'
import { sqliteSchema } from './sqlite/sqliteSchema.ts'
import { withFileLock } from './sqlite/withFileLock.ts'
import { toBytes } from './toBytes.ts'

/** Parameters of {@link openSqliteStorage}. */
export type OpenSqliteStorageParameters = {
  /** Database file, created if missing. `':memory:'` gives a private, non-durable database (tests). */
  path: string
  /** The log's origin; several logs (origins) can share one file. */
  origin: string
  /**
   * How long to wait for another connection's lock before failing, in ms (default 30,000). Appends wait for the
   * write lock asynchronously (see beginImmediate); other statements through SQLite's busy handler.
   */
  busyTimeoutMs?: number
}

/** What {@link openSqliteStorage} returns. */
export type OpenSqliteStorageReturnType = LogStorage

/**
 * Opens (creating if needed) one log in a SQLite database: the embedded default, no server needed.
 * WAL journal with `synchronous=FULL` (an append resolves once fsynced), `secure_delete=ON`, and a busy
 * timeout so that several processes can write the same file: each append is one `BEGIN IMMEDIATE`
 * transaction, which takes SQLite's write lock before reading the log size, so indexes stay dense and unique.
 * Connections of one process to one file queue their write transactions in memory instead of busy-waiting.
 *
 * @example
 * const storage = await openSqliteStorage({ path: 'audit.db', origin: 'sextant.local/audit' })
 * const { firstIndex } = await storage.appendEntries([{ data: new TextEncoder().encode('event') }])
 * await storage.close()
 */
export async function openSqliteStorage({
  path,
  origin,
  busyTimeoutMs = 30_000,
}: OpenSqliteStorageParameters): Promise<OpenSqliteStorageReturnType> {
  assertOrigin(origin)
  assertIntegerInRange({ name: 'busyTimeoutMs', value: busyTimeoutMs, min: 0, max: 2 ** 31 - 1 })
  const db = openDatabase(path, busyTimeoutMs)
  const lockKey = isPrivate(path) ? randomUUID() : realpathSync(path)
  let log: number
  try {
    log = db
      .transaction(() => {
        db.exec(sqliteSchema)
        db.prepare('INSERT INTO logs (origin, size) VALUES (?, 0) ON CONFLICT (origin) DO NOTHING').run(
          origin,
        )
        return db.prepare('SELECT id FROM logs WHERE origin = ?').pluck().get(origin) as number
      })
      .immediate()
  } catch (error) {
    db.close()
    throw asStorageError(error, 'cannot create the SQLite schema')
  }
  const sql = prepareSqliteStatements(db)
  const size = (): number => sql.getSize.get(log) as number

  /** A write transaction: file lock in this process, then SQLite's write lock; the middle may await. */
  const write = <T>(message: string, body: () => Promise<T> | T): Promise<T> =>
    withFileLock(lockKey, async () => {
      try {
        await beginImmediate(db, { busyTimeoutMs, connectionTimeoutMs: busyTimeoutMs })
        const result = await body()
        db.exec('COMMIT')
        return result
      } catch (error) {
        try {
          if (db.inTransaction) db.exec('ROLLBACK')
        } catch {
          // The connection is gone (closed, I/O error): SQLite discards the transaction; report the first error.
        }
        throw asStorageError(error, message)
      }
    })
  const read = <T>(message: string, body: () => T): Promise<T> => {
    try {
      return Promise.resolve(body())
    } catch (error) {
      return Promise.reject(asStorageError(error, message))
    }
  }

  const storage: LogStorage = {
    origin,
    readHashes: (indexes) =>
      read('cannot read hashes', () =>
        indexes.map((index) => {
          const hash = sql.getHash.get(log, index) as Buffer | undefined
          if (!hash) throw new InvalidInputError('hash not stored', { details: `storage index ${index}` })
          return toBytes(hash)
        }),
      ),
    async appendEntries(entries) {
      const { datas, leafHashes, secretOffsets, secrets } = prepareEntries(entries)
      return write('append failed', async () => {
        const firstIndex = size()
        const hashes = await batchHashes(storage, { size: firstIndex, leafHashes })
        const firstHash = storedHashCount(firstIndex)
        sql.insertEntries(log, (k) => firstIndex + k, datas)
        sql.insertHashes(log, (k) => firstHash + k, hashes)
        sql.insertSecrets(log, (k) => firstIndex + secretOffsets[k]!, secrets)
        const newSize = firstIndex + datas.length
        sql.setSize.run(newSize, log)
        return { firstIndex, size: newSize }
      })
    },
    size: () => read('cannot read the log size', size),
    readEntries: (start, end) =>
      read('cannot read entries', () => {
        const current = size()
        assertIntegerInRange({ name: 'end', value: end, min: 0, max: current })
        assertIntegerInRange({ name: 'start', value: start, min: 0, max: end })
        const rows = sql.readEntries.all(log, start, end) as Buffer[]
        if (rows.length !== end - start) {
          throw new StorageError('entries missing', {
            details: `[${start}, ${end}) holds ${rows.length} rows`,
          })
        }
        return rows.map(toBytes)
      }),
    putCheckpoint: (checkpoint) =>
      write('cannot store the checkpoint', () => {
        const { size: at, note } = checkpoint ?? {}
        assertIntegerInRange({ name: 'checkpoint size', value: at, min: 0, max: size() })
        if (typeof note !== 'string' || note.length === 0) {
          throw new InvalidInputError('checkpoint note must be a non-empty string')
        }
        if (sql.insertCheckpoint.run(log, at, note, Date.now()).changes > 0) return
        if ((sql.getCheckpoint.get(log, at) as StoredCheckpoint).note !== note) {
          throw new InvalidInputError('a different checkpoint of this size is stored', {
            details: `size ${at}`,
          })
        }
      }),
    latestCheckpoint: () =>
      read('cannot read checkpoints', () => sql.latestCheckpoint.get(log) as StoredCheckpoint | undefined),
    getCheckpoint: (at) =>
      read('cannot read checkpoints', () => {
        assertIntegerInRange({ name: 'checkpoint size', value: at, min: 0, max: Number.MAX_SAFE_INTEGER })
        return sql.getCheckpoint.get(log, at) as StoredCheckpoint | undefined
      }),
    getSecret: (index) =>
      read('cannot read the secret', () => {
        assertIntegerInRange({ name: 'index', value: index, min: 0, max: size() - 1 })
        const secret = sql.getSecret.get(log, index) as Buffer | undefined
        return secret && toBytes(secret)
      }),
    eraseSecret: (index) =>
      withFileLock(lockKey, async () => {
        try {
          assertIntegerInRange({ name: 'index', value: index, min: 0, max: size() - 1 })
          // secure_delete overwrites the row in the database pages; the checkpoint then copies those pages
          // out of the WAL and truncates it, so no earlier page image holding the secret survives there.
          // Run even when no row exists, so that retrying after a failed truncation completes it.
          const erased = sql.deleteSecret.run(log, index).changes > 0
          const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[]
          if (result && result.busy !== 0) {
            throw new StorageError('secret deleted but the WAL could not be truncated', {
              details: 'another connection kept reading past the busy timeout; call eraseSecret again',
            })
          }
          return erased
        } catch (error) {
          throw asStorageError(error, 'cannot erase the secret')
        }
      }),
    close: () => withFileLock(lockKey, async () => void db.close()),
  }
  return storage
}

function openDatabase(path: string, busyTimeoutMs: number): Database.Database {
  let db: Database.Database | undefined
  try {
    db = new Database(path, { timeout: busyTimeoutMs })
    const mode = db.pragma('journal_mode = WAL', { simple: true })
    if (mode !== 'wal' && !isPrivate(path)) {
      throw new StorageError('cannot switch the database to WAL mode', { details: `journal_mode is ${mode}` })
    }
    db.pragma('synchronous = FULL')
    db.pragma('secure_delete = ON')
    return db
  } catch (error) {
    db?.close()
    throw asStorageError(error, 'cannot open the SQLite database')
  }
}

/** In-memory and temporary databases belong to one connection: no WAL, no file to share. */
function isPrivate(path: string): boolean {
  return path === ':memory:' || path === ''
}
