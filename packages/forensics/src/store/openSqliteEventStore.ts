import Database from 'better-sqlite3'
import { StoreError } from '../errors/StoreError.ts'
import type { MarketEvent } from '../model/MarketEvent.ts'
import { batchSizes } from './batchSizes.ts'
import { buildEventQuery } from './buildEventQuery.ts'
import type { Cursor, EventStore, StoredBlock } from './EventStore.ts'
import { decodeEvent, type EventRow } from './eventCodec.ts'
import { eventColumnCount, insertEventsSql } from './insertEventsSql.ts'
import { validateCommit } from './validateCommit.ts'
import { writeEventRow } from './writeEventRow.ts'

/** Parameters of {@link openSqliteEventStore}. */
export type OpenSqliteEventStoreParameters = {
  /** Database file, created if missing; `':memory:'` for a private one. */
  path: string
}

const schema = `
CREATE TABLE IF NOT EXISTS fx_events (
  chain TEXT NOT NULL, block INTEGER NOT NULL, timestamp INTEGER NOT NULL, tx TEXT NOT NULL,
  tx_index INTEGER NOT NULL, log_index INTEGER NOT NULL, kind TEXT NOT NULL, token TEXT, data TEXT NOT NULL,
  PRIMARY KEY (chain, block, tx_index, log_index)
) WITHOUT ROWID;
CREATE UNIQUE INDEX IF NOT EXISTS fx_events_key ON fx_events (chain, tx, log_index);
CREATE INDEX IF NOT EXISTS fx_events_token ON fx_events (token, block);
CREATE TABLE IF NOT EXISTS fx_blocks (
  chain TEXT NOT NULL, number INTEGER NOT NULL, hash TEXT NOT NULL, parent_hash TEXT NOT NULL,
  timestamp INTEGER NOT NULL, PRIMARY KEY (chain, number)
);
CREATE TABLE IF NOT EXISTS fx_cursors (key TEXT PRIMARY KEY, chain TEXT NOT NULL, block INTEGER NOT NULL, hash TEXT NOT NULL);
`

/** Rows per insert statement (9,216 parameters, under SQLite's 32,766). */
const maxBatch = 1024
const columns = 'chain, block, timestamp, tx, tx_index AS txIndex, log_index AS logIndex, kind, token, data'

/**
 * Opens the SQLite event store (the default: embedded, no server). WAL journal; each commit is one transaction
 * holding the events (inserted with `ON CONFLICT DO NOTHING` on (chain, tx, logIndex)), the blocks and the
 * cursor.
 *
 * @example
 * const store = await openSqliteEventStore({ path: 'forensics.db' })
 * await store.commit({ blocks, events, cursor: { key: 'evm', chain: 'eip155:31337', block: 12, hash } })
 */
export async function openSqliteEventStore({ path }: OpenSqliteEventStoreParameters): Promise<EventStore> {
  let db: Database.Database
  try {
    db = new Database(path)
    // 16 KiB pages (new files only): fewer page splits and B-tree levels for the three event orders.
    db.pragma('page_size = 16384')
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('busy_timeout = 30000')
    db.exec(schema)
  } catch (cause) {
    throw new StoreError('cannot open the event store', { details: path, cause })
  }
  // Rows go in multi-row statements (one statement step per batch instead of one per row), at most
  // log2(maxBatch) + 1 of them prepared.
  const statements = new Map<number, Database.Statement>()
  const insertRows = (rows: number) => {
    let statement = statements.get(rows)
    if (!statement) {
      statement = db.prepare(insertEventsSql({ rows, placeholder: () => '?' }))
      statements.set(rows, statement)
    }
    return statement
  }
  const insertBlock = db.prepare(
    `INSERT INTO fx_blocks (chain, number, hash, parent_hash, timestamp) VALUES (@chain, @number, @hash, @parentHash, @timestamp)
     ON CONFLICT (chain, number) DO UPDATE SET hash = excluded.hash, parent_hash = excluded.parent_hash, timestamp = excluded.timestamp`,
  )
  const upsertCursor = db.prepare(
    `INSERT INTO fx_cursors (key, chain, block, hash) VALUES (@key, @chain, @block, @hash)
     ON CONFLICT (key) DO UPDATE SET chain = excluded.chain, block = excluded.block, hash = excluded.hash`,
  )
  const commit = db.transaction(
    (blocks: readonly StoredBlock[], events: readonly MarketEvent[], cursor?: Cursor) => {
      let inserted = 0
      for (const b of blocks) insertBlock.run(b)
      let next = 0
      for (const rows of batchSizes(events.length, maxBatch)) {
        const values: unknown[] = new Array(rows * eventColumnCount)
        for (let i = 0; i < rows; i++) writeEventRow(values, i, events[next++]!)
        inserted += insertRows(rows).run(values).changes
      }
      if (cursor) upsertCursor.run(cursor)
      return inserted
    },
  )
  const rollback = db.transaction((chain: string, fromBlock: number) => {
    const removed = db
      .prepare('DELETE FROM fx_events WHERE chain = ? AND block >= ?')
      .run(chain, fromBlock).changes
    db.prepare('DELETE FROM fx_blocks WHERE chain = ? AND number >= ?').run(chain, fromBlock)
    const previous = db
      .prepare('SELECT hash FROM fx_blocks WHERE chain = ? AND number = ?')
      .get(chain, fromBlock - 1) as { hash: string } | undefined
    db.prepare('UPDATE fx_cursors SET block = ?, hash = ? WHERE chain = ? AND block >= ?').run(
      fromBlock - 1,
      previous?.hash ?? '',
      chain,
      fromBlock,
    )
    return removed
  })
  const guard = <T>(what: string, fn: () => T): T => {
    try {
      return fn()
    } catch (cause) {
      if (cause instanceof StoreError) throw cause
      throw new StoreError(what, { details: path, cause })
    }
  }
  return {
    commit: async ({ blocks, events, cursor }) => {
      validateCommit({ blocks, events, cursor })
      return { inserted: guard('cannot store events', () => commit(blocks, events, cursor)) }
    },
    rollback: async (chain, fromBlock) => ({
      removed: guard('cannot roll back', () => rollback(chain, fromBlock)),
    }),
    getCursor: async (key) =>
      guard(
        'cannot read the cursor',
        () =>
          db.prepare('SELECT key, chain, block, hash FROM fx_cursors WHERE key = ?').get(key) as
            | Cursor
            | undefined,
      ),
    getBlock: async (chain, number) =>
      guard(
        'cannot read a block',
        () =>
          db
            .prepare(
              'SELECT chain, number, hash, parent_hash AS parentHash, timestamp FROM fx_blocks WHERE chain = ? AND number = ?',
            )
            .get(chain, number) as StoredBlock | undefined,
      ),
    readEvents: async (filter = {}) => {
      const { sql, params } = buildEventQuery({ filter, placeholder: () => '?', select: '*' })
      const rows = guard('cannot read events', () =>
        db.prepare(sql.replace('SELECT *', `SELECT ${columns}`)).all(...params),
      ) as EventRow[]
      return rows.map(decodeEvent)
    },
    countEvents: async (filter = {}) => {
      const { sql, params } = buildEventQuery({ filter, placeholder: () => '?', select: 'COUNT(*) AS n' })
      return guard('cannot count events', () => (db.prepare(sql).get(...params) as { n: number }).n)
    },
    close: async () => {
      db.close()
    },
  }
}
