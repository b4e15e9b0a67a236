import Database from 'better-sqlite3'
import { StoreError } from '../errors/StoreError.ts'
import type { MarketEvent } from '../model/MarketEvent.ts'
import { buildEventQuery } from './buildEventQuery.ts'
import type { Cursor, EventStore, StoredBlock } from './EventStore.ts'
import { decodeEvent, type EventRow, encodeEvent } from './eventCodec.ts'
import { validateCommit } from './validateCommit.ts'

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

const columnCount = 9
const chunk = 256
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
  const insertSql = (rows: number) =>
    `INSERT INTO fx_events (chain, block, timestamp, tx, tx_index, log_index, kind, token, data) VALUES ${Array(
      rows,
    )
      .fill('(?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .join(', ')} ON CONFLICT DO NOTHING`
  // Rows go in `chunk` at a time (one statement step per chunk instead of one per row); the rest of a commit in
  // power-of-two statements, so at most log2(chunk) + 1 statements are ever prepared.
  const statements = new Map<number, Database.Statement>()
  const insertRows = (rows: number) => {
    let statement = statements.get(rows)
    if (!statement) {
      statement = db.prepare(insertSql(rows))
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
      const values: unknown[] = []
      for (let i = 0; i < events.length; i++) {
        const r = encodeEvent(events[i]!)
        values.push(r.chain, r.block, r.timestamp, r.tx, r.txIndex, r.logIndex, r.kind, r.token, r.data)
        if (values.length === chunk * columnCount) {
          inserted += insertRows(chunk).run(values).changes
          values.length = 0
        }
      }
      let done = 0
      for (let rows = chunk >> 1; rows >= 1; rows >>= 1) {
        const end = done + rows * columnCount
        if (end > values.length) continue
        inserted += insertRows(rows).run(values.slice(done, end)).changes
        done = end
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
