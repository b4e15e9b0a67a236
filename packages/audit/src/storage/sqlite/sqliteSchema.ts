/**
 * SQLite schema of the audit logs: several logs per database file, each named by its origin. Children tables
 * refer to a log by its integer id; `hashes.idx` is the storage index of {@link storedHashIndex}.
 * Tables are WITHOUT ROWID so every row lives in its primary-key B-tree (one write per row, no extra index).
 *
 * @example
 * db.exec(sqliteSchema)
 */
export const sqliteSchema = `
CREATE TABLE IF NOT EXISTS logs (
  id INTEGER PRIMARY KEY,
  origin TEXT NOT NULL UNIQUE,
  size INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS entries (
  log INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (log, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS hashes (
  log INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  hash BLOB NOT NULL,
  PRIMARY KEY (log, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS checkpoints (
  log INTEGER NOT NULL,
  size INTEGER NOT NULL,
  note TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (log, size)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS secrets (
  log INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  secret BLOB NOT NULL,
  PRIMARY KEY (log, idx)
) WITHOUT ROWID;
`
