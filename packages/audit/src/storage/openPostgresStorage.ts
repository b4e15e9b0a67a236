import pg from 'pg'
import { InvalidInputError, StorageError } from '../errors/AuditError.ts'
import type { HashReader } from '../tree/HashReader.ts'
import { storedHashCount } from '../tree/storedHashCount.ts'
import { asStorageError } from './asStorageError.ts'
import { assertIntegerInRange } from './assertIntegerInRange.ts'
import { assertOrigin } from './assertOrigin.ts'
import { batchHashes } from './batchHashes.ts'
import type { LogStorage, StoredCheckpoint } from './LogStorage.ts'
import { appendBatchSql } from './postgres/appendBatchSql.ts'
import { packBytes } from './postgres/packBytes.ts'
import { postgresSchema } from './postgres/postgresSchema.ts'
import { prepareEntries } from './prepareEntries.ts'
import { toBytes } from './toBytes.ts'

type Queryable = Pick<pg.ClientBase, 'query'>

/** Parameters of {@link openPostgresStorage}: a connection string (the storage owns its pool) or a pool. */
export type OpenPostgresStorageParameters = {
  /** The log's origin; several logs (origins) can share one database. */
  origin: string
} & (
  | {
      /** `postgres://user@host:5432/database`; the storage opens a pool and `close()` ends it. */
      connectionString: string
      /** Pool size (default 10). */
      maxConnections?: number
    }
  | {
      /** A pool owned by the caller: `close()` leaves it open. */
      pool: pg.Pool
    }
)

/** What {@link openPostgresStorage} returns. */
export type OpenPostgresStorageReturnType = LogStorage

/** Key of the advisory lock that serializes schema creation across processes. */
const schemaLock = 0x5e7a_a0d1

/**
 * Opens (creating if needed) one log in a PostgreSQL database, for several processes or machines writing one
 * log. Each append is one transaction that first locks the log's row (`SELECT … FOR UPDATE`), so indexes stay
 * dense and unique across writers, then writes the whole batch in one statement; it resolves after COMMIT
 * (`synchronous_commit` as the server has it, on by default: durable). If the connection drops while COMMIT
 * is in flight, the outcome is unknown to the client: the call rejects, yet the batch may have committed.
 *
 * @example
 * const storage = await openPostgresStorage({
 *   connectionString: 'postgres://postgres@127.0.0.1:5432/audit',
 *   origin: 'sextant.local/audit',
 * })
 * await storage.appendEntries([{ data: new TextEncoder().encode('event') }])
 * await storage.close()
 */
export async function openPostgresStorage(
  parameters: OpenPostgresStorageParameters,
): Promise<OpenPostgresStorageReturnType> {
  const origin = assertOrigin(parameters.origin)
  const owned = !('pool' in parameters)
  const pool =
    'pool' in parameters
      ? parameters.pool
      : new pg.Pool({ connectionString: parameters.connectionString, max: parameters.maxConnections ?? 10 })
  // An idle client losing its connection emits 'error' on the pool; the next query reports it instead.
  if (owned) pool.on('error', () => {})
  let log: string
  try {
    log = await transaction(pool, 'cannot create the PostgreSQL schema', async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [schemaLock])
      await client.query(postgresSchema)
      await client.query('INSERT INTO logs (origin, size) VALUES ($1, 0) ON CONFLICT (origin) DO NOTHING', [
        origin,
      ])
      const { rows } = await client.query<{ id: string }>('SELECT id FROM logs WHERE origin = $1', [origin])
      return rows[0]!.id
    })
  } catch (error) {
    if (owned) await pool.end().catch(() => {})
    throw error
  }
  const sizeOf = async (db: Queryable, lock = ''): Promise<number> => {
    const { rows } = await db.query<{ size: string }>(`SELECT size FROM logs WHERE id = $1${lock}`, [log])
    return Number(rows[0]!.size)
  }
  const read = async <T>(message: string, body: () => Promise<T>): Promise<T> => {
    try {
      return await body()
    } catch (error) {
      throw asStorageError(error, message)
    }
  }
  let closing: Promise<void> | undefined
  const checkpointColumns = 'size::float8 AS size, note, created_at::float8 AS "createdAt"'

  return {
    origin,
    readHashes: (indexes) => read('cannot read hashes', () => hashReader(pool, log).readHashes(indexes)),
    async appendEntries(entries) {
      const { datas, leafHashes, secretOffsets, secrets } = prepareEntries(entries)
      return transaction(pool, 'append failed', async (client) => {
        const firstIndex = await sizeOf(client, ' FOR UPDATE')
        const hashes = await batchHashes(hashReader(client, log), { size: firstIndex, leafHashes })
        const newSize = firstIndex + datas.length
        const entryBlob = packBytes(datas)
        const secretBlob = packBytes(secrets)
        await client.query(appendBatchSql, [
          log,
          firstIndex,
          entryBlob.blob,
          entryBlob.starts,
          entryBlob.lengths,
          storedHashCount(firstIndex),
          Buffer.concat(hashes),
          secretOffsets.map((offset) => firstIndex + offset),
          secretBlob.blob,
          secretBlob.starts,
          secretBlob.lengths,
          newSize,
        ])
        return { firstIndex, size: newSize }
      })
    },
    size: () => read('cannot read the log size', () => sizeOf(pool)),
    readEntries: (start, end) =>
      read('cannot read entries', async () => {
        assertIntegerInRange({ name: 'end', value: end, min: 0, max: await sizeOf(pool) })
        assertIntegerInRange({ name: 'start', value: start, min: 0, max: end })
        const { rows } = await pool.query<{ data: Buffer }>(
          'SELECT data FROM entries WHERE log = $1 AND idx >= $2 AND idx < $3 ORDER BY idx',
          [log, start, end],
        )
        if (rows.length !== end - start) {
          throw new StorageError('entries missing', {
            details: `[${start}, ${end}) holds ${rows.length} rows`,
          })
        }
        return rows.map((row) => toBytes(row.data))
      }),
    putCheckpoint: (checkpoint) =>
      read('cannot store the checkpoint', async () => {
        const { size, note } = checkpoint ?? {}
        assertIntegerInRange({ name: 'checkpoint size', value: size, min: 0, max: await sizeOf(pool) })
        if (typeof note !== 'string' || note.length === 0) {
          throw new InvalidInputError('checkpoint note must be a non-empty string')
        }
        const inserted = await pool.query(
          'INSERT INTO checkpoints (log, size, note, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
          [log, size, note, Date.now()],
        )
        if (inserted.rowCount === 1) return
        const { rows } = await pool.query<{ note: string }>(
          'SELECT note FROM checkpoints WHERE log = $1 AND size = $2',
          [log, size],
        )
        if (rows[0]?.note !== note) {
          throw new InvalidInputError('a different checkpoint of this size is stored', {
            details: `size ${size}`,
          })
        }
      }),
    latestCheckpoint: () =>
      read('cannot read checkpoints', async () => {
        const { rows } = await pool.query<StoredCheckpoint>(
          `SELECT ${checkpointColumns} FROM checkpoints WHERE log = $1 ORDER BY size DESC LIMIT 1`,
          [log],
        )
        return rows[0]
      }),
    getCheckpoint: (size) =>
      read('cannot read checkpoints', async () => {
        assertIntegerInRange({ name: 'checkpoint size', value: size, min: 0, max: Number.MAX_SAFE_INTEGER })
        const { rows } = await pool.query<StoredCheckpoint>(
          `SELECT ${checkpointColumns} FROM checkpoints WHERE log = $1 AND size = $2`,
          [log, size],
        )
        return rows[0]
      }),
    getSecret: (index) =>
      read('cannot read the secret', async () => {
        assertIntegerInRange({ name: 'index', value: index, min: 0, max: (await sizeOf(pool)) - 1 })
        const { rows } = await pool.query<{ secret: Buffer }>(
          'SELECT secret FROM secrets WHERE log = $1 AND idx = $2',
          [log, index],
        )
        return rows[0] && toBytes(rows[0].secret)
      }),
    eraseSecret: (index) =>
      read('cannot erase the secret', async () => {
        assertIntegerInRange({ name: 'index', value: index, min: 0, max: (await sizeOf(pool)) - 1 })
        const deleted = await pool.query('DELETE FROM secrets WHERE log = $1 AND idx = $2', [log, index])
        // PostgreSQL has no secure delete: VACUUM removes the dead row version from the table and its index,
        // but the bytes may linger in free space and pg_wal until overwritten (see LogStorage.eraseSecret).
        await pool.query('VACUUM secrets')
        return deleted.rowCount === 1
      }),
    close: () => {
      closing ??= owned ? pool.end() : Promise.resolve()
      return closing
    },
  }
}

/** Reads stored hashes of one log through `db` (the pool, or the client of an open transaction). */
function hashReader(db: Queryable, log: string): HashReader {
  return {
    async readHashes(indexes) {
      for (const index of indexes) {
        if (!Number.isSafeInteger(index) || index < 0) {
          throw new InvalidInputError('hash not stored', { details: `storage index ${index}` })
        }
      }
      const { rows } = await db.query<{ idx: string; hash: Buffer }>(
        'SELECT idx, hash FROM hashes WHERE log = $1 AND idx = ANY($2::bigint[])',
        [log, indexes],
      )
      const byIndex = new Map(rows.map((row) => [Number(row.idx), toBytes(row.hash)]))
      return indexes.map((index) => {
        const hash = byIndex.get(index)
        if (!hash) throw new InvalidInputError('hash not stored', { details: `storage index ${index}` })
        return hash
      })
    },
  }
}

/** Runs `body` in a transaction on one pooled client; rolls back on error and wraps driver errors. */
async function transaction<T>(
  pool: pg.Pool,
  message: string,
  body: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  let client: pg.PoolClient
  try {
    client = await pool.connect()
  } catch (error) {
    throw asStorageError(error, message)
  }
  let broken: Error | undefined
  try {
    await client.query('BEGIN')
    const result = await body(client)
    await client.query('COMMIT')
    return result
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError
    })
    throw asStorageError(error, message)
  } finally {
    client.release(broken)
  }
}
