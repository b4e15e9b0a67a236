import type Database from 'better-sqlite3'

/** What {@link prepareSqliteStatements} returns: the statements of one connection, prepared once. */
export type SqliteStatements = ReturnType<typeof prepareSqliteStatements>

/** Rows per multi-row INSERT, largest first (3 parameters a row: far under SQLite's 32,766 bound parameters). */
const chunks = [256, 64, 16, 4, 1]

/**
 * Prepares every statement {@link openSqliteStorage} runs. Batch inserts use multi-row INSERTs of 256, 64, 16,
 * 4 and 1 rows (prepared once each), which halves the cost per row against row-by-row statements.
 *
 * @example
 * const sql = prepareSqliteStatements(db)
 * sql.insertEntries(log, (k) => firstIndex + k, datas)
 */
export function prepareSqliteStatements(db: Database.Database) {
  const insertMany = (table: string, column: string) => {
    const statements = chunks.map((rows) => {
      const values = Array.from({ length: rows }, () => '(?, ?, ?)').join(', ')
      return { rows, statement: db.prepare(`INSERT INTO ${table} (log, idx, ${column}) VALUES ${values}`) }
    })
    const params: unknown[] = []
    /** Inserts `values[k]` at index `indexOf(k)` of log `log`. */
    return (log: number, indexOf: (k: number) => number, values: readonly Uint8Array[]): void => {
      let at = 0
      for (const { rows, statement } of statements) {
        for (; at + rows <= values.length; at += rows) {
          params.length = 3 * rows
          for (let j = 0; j < rows; j++) {
            params[3 * j] = log
            params[3 * j + 1] = indexOf(at + j)
            params[3 * j + 2] = values[at + j]
          }
          statement.run(params)
        }
      }
    }
  }
  return {
    getSize: db.prepare('SELECT size FROM logs WHERE id = ?').pluck(),
    setSize: db.prepare('UPDATE logs SET size = ? WHERE id = ?'),
    insertEntries: insertMany('entries', 'data'),
    insertHashes: insertMany('hashes', 'hash'),
    insertSecrets: insertMany('secrets', 'secret'),
    getHash: db.prepare('SELECT hash FROM hashes WHERE log = ? AND idx = ?').pluck(),
    readEntries: db
      .prepare('SELECT data FROM entries WHERE log = ? AND idx >= ? AND idx < ? ORDER BY idx')
      .pluck(),
    insertCheckpoint: db.prepare(
      'INSERT INTO checkpoints (log, size, note, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (log, size) DO NOTHING',
    ),
    getCheckpoint: db.prepare(
      'SELECT size, note, created_at AS createdAt FROM checkpoints WHERE log = ? AND size = ?',
    ),
    latestCheckpoint: db.prepare(
      'SELECT size, note, created_at AS createdAt FROM checkpoints WHERE log = ? ORDER BY size DESC LIMIT 1',
    ),
    getSecret: db.prepare('SELECT secret FROM secrets WHERE log = ? AND idx = ?').pluck(),
    deleteSecret: db.prepare('DELETE FROM secrets WHERE log = ? AND idx = ?'),
  }
}
