import pg from 'pg'
import { StoreError } from '../errors/StoreError.ts'
import { batchSizes } from './batchSizes.ts'
import { buildEventQuery } from './buildEventQuery.ts'
import type { Cursor, EventStore, StoredBlock } from './EventStore.ts'
import { decodeEvent, type EventRow } from './eventCodec.ts'
import { eventColumnCount, insertEventsSql } from './insertEventsSql.ts'
import { validateCommit } from './validateCommit.ts'
import { writeEventRow } from './writeEventRow.ts'

/** Parameters of {@link openPostgresEventStore}. */
export type OpenPostgresEventStoreParameters = {
  /** `postgres://user@host:5432/database`. */
  connectionString: string
  /** Pool size (default 4). */
  maxConnections?: number
}

const schemaLock = 0x5e7a_f0e5
const schema = `
CREATE TABLE IF NOT EXISTS fx_events (
  chain TEXT NOT NULL, block BIGINT NOT NULL, timestamp BIGINT NOT NULL, tx TEXT NOT NULL,
  tx_index INTEGER NOT NULL, log_index INTEGER NOT NULL, kind TEXT NOT NULL, token TEXT, data TEXT NOT NULL,
  PRIMARY KEY (chain, tx, log_index)
);
CREATE UNIQUE INDEX IF NOT EXISTS fx_events_order ON fx_events (chain, block, tx_index, log_index);
CREATE INDEX IF NOT EXISTS fx_events_token ON fx_events (token, block);
CREATE TABLE IF NOT EXISTS fx_blocks (
  chain TEXT NOT NULL, number BIGINT NOT NULL, hash TEXT NOT NULL, parent_hash TEXT NOT NULL,
  timestamp BIGINT NOT NULL, PRIMARY KEY (chain, number)
);
CREATE TABLE IF NOT EXISTS fx_cursors (key TEXT PRIMARY KEY, chain TEXT NOT NULL, block BIGINT NOT NULL, hash TEXT NOT NULL);
`
const columns =
  'chain, block, timestamp, tx, tx_index AS "txIndex", log_index AS "logIndex", kind, token, data'
/** Rows per insert statement (9,216 parameters, under PostgreSQL's 65,535). */
const maxBatch = 1024
const insertBlocks = `INSERT INTO fx_blocks (chain, number, hash, parent_hash, timestamp)
  SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::bigint[])
  ON CONFLICT (chain, number) DO UPDATE SET hash = excluded.hash, parent_hash = excluded.parent_hash, timestamp = excluded.timestamp`

/**
 * Opens the PostgreSQL event store, for several ingest workers: same contract as the SQLite store. A commit is
 * one transaction: the blocks, the events in multi-row `INSERT … ON CONFLICT DO NOTHING` prepared statements (plain
 * parameters: nothing to escape), the cursor.
 *
 * @example
 * const store = await openPostgresEventStore({ connectionString: 'postgres://postgres@127.0.0.1:5432/forensics' })
 */
export async function openPostgresEventStore(
  parameters: OpenPostgresEventStoreParameters,
): Promise<EventStore> {
  const pool = new pg.Pool({
    connectionString: parameters.connectionString,
    max: parameters.maxConnections ?? 4,
  })
  pool.on('error', () => {})
  const tx = async <T>(what: string, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    let client: pg.PoolClient | undefined
    try {
      client = await pool.connect()
      await client.query('BEGIN')
      const result = await fn(client)
      await client.query('COMMIT')
      return result
    } catch (cause) {
      await client?.query('ROLLBACK').catch(() => {})
      if (cause instanceof StoreError) throw cause
      throw new StoreError(what, { details: redact(parameters.connectionString), cause })
    } finally {
      client?.release()
    }
  }
  try {
    await tx('cannot create the event store schema', async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [schemaLock])
      await c.query(schema)
    })
  } catch (error) {
    await pool.end().catch(() => {})
    throw error
  }
  const query = async <R extends pg.QueryResultRow>(what: string, sql: string, params: unknown[]) => {
    try {
      return (await pool.query<R>(sql, params)).rows
    } catch (cause) {
      throw new StoreError(what, { details: redact(parameters.connectionString), cause })
    }
  }
  return {
    commit: async ({ blocks, events, cursor }) => {
      validateCommit({ blocks, events, cursor })
      return tx('cannot store events', async (c) => {
        if (blocks.length) await c.query(insertBlocks, blockColumns(blocks))
        let inserted = 0
        let next = 0
        for (const rows of batchSizes(events.length, maxBatch)) {
          const values: unknown[] = new Array(rows * eventColumnCount)
          for (let i = 0; i < rows; i++) writeEventRow(values, i, events[next++]!)
          // Named: parsed and planned once per connection, then only bound and executed.
          const result = await c.query({ name: `fx_insert_events_${rows}`, text: insertSql(rows), values })
          inserted += result.rowCount ?? 0
        }
        if (cursor) await upsertCursor(c, cursor)
        return { inserted }
      })
    },
    rollback: async (chain, fromBlock) =>
      tx('cannot roll back', async (c) => {
        const removed = await c.query('DELETE FROM fx_events WHERE chain = $1 AND block >= $2', [
          chain,
          fromBlock,
        ])
        await c.query('DELETE FROM fx_blocks WHERE chain = $1 AND number >= $2', [chain, fromBlock])
        const prev = await c.query<{ hash: string }>(
          'SELECT hash FROM fx_blocks WHERE chain = $1 AND number = $2',
          [chain, fromBlock - 1],
        )
        await c.query('UPDATE fx_cursors SET block = $1, hash = $2 WHERE chain = $3 AND block >= $4', [
          fromBlock - 1,
          prev.rows[0]?.hash ?? '',
          chain,
          fromBlock,
        ])
        return { removed: removed.rowCount ?? 0 }
      }),
    getCursor: async (key) => {
      const rows = await query<Cursor>(
        'cannot read the cursor',
        'SELECT key, chain, block, hash FROM fx_cursors WHERE key = $1',
        [key],
      )
      return rows[0] ? { ...rows[0], block: Number(rows[0].block) } : undefined
    },
    getBlock: async (chain, number) => {
      const rows = await query<StoredBlock>(
        'cannot read a block',
        'SELECT chain, number, hash, parent_hash AS "parentHash", timestamp FROM fx_blocks WHERE chain = $1 AND number = $2',
        [chain, number],
      )
      return rows[0]
        ? { ...rows[0], number: Number(rows[0].number), timestamp: Number(rows[0].timestamp) }
        : undefined
    },
    readEvents: async (filter = {}) => {
      const { sql, params } = buildEventQuery({ filter, placeholder: (n) => `$${n}`, select: '*' })
      const rows = await query<EventRow>(
        'cannot read events',
        sql.replace('SELECT *', `SELECT ${columns}`),
        params,
      )
      return rows.map(decodeEvent)
    },
    countEvents: async (filter = {}) => {
      const { sql, params } = buildEventQuery({
        filter,
        placeholder: (n) => `$${n}`,
        select: 'COUNT(*) AS n',
      })
      const rows = await query<{ n: string }>('cannot count events', sql, params)
      return Number(rows[0]!.n)
    },
    close: async () => {
      await pool.end()
    },
  }
}

async function upsertCursor(c: pg.PoolClient, cursor: Cursor): Promise<void> {
  await c.query(
    `INSERT INTO fx_cursors (key, chain, block, hash) VALUES ($1, $2, $3, $4)
     ON CONFLICT (key) DO UPDATE SET chain = excluded.chain, block = excluded.block, hash = excluded.hash`,
    [cursor.key, cursor.chain, cursor.block, cursor.hash],
  )
}

const insertSqlCache = new Map<number, string>()

function insertSql(rows: number): string {
  let sql = insertSqlCache.get(rows)
  if (sql === undefined) {
    sql = insertEventsSql({ rows, placeholder: (n) => `$${n}` })
    insertSqlCache.set(rows, sql)
  }
  return sql
}

function blockColumns(blocks: readonly StoredBlock[]): unknown[][] {
  return [
    blocks.map((b) => b.chain),
    blocks.map((b) => b.number),
    blocks.map((b) => b.hash),
    blocks.map((b) => b.parentHash),
    blocks.map((b) => b.timestamp),
  ]
}

function redact(connectionString: string): string {
  try {
    const url = new URL(connectionString)
    if (url.password) url.password = '***'
    return url.toString()
  } catch {
    return '(unparsable connection string)'
  }
}
