/**
 * PostgreSQL schema of the audit logs, the same shape as the SQLite one: several logs per database, each named
 * by its origin; children tables refer to a log by id; `hashes.idx` is the storage index of
 * {@link storedHashIndex}. Run under an advisory lock, since concurrent `CREATE TABLE IF NOT EXISTS` can race.
 *
 * @example
 * await client.query(postgresSchema)
 */
export const postgresSchema = `
CREATE TABLE IF NOT EXISTS logs (
  id bigserial PRIMARY KEY,
  origin text NOT NULL UNIQUE,
  size bigint NOT NULL
);
CREATE TABLE IF NOT EXISTS entries (
  log bigint NOT NULL,
  idx bigint NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (log, idx)
);
CREATE TABLE IF NOT EXISTS hashes (
  log bigint NOT NULL,
  idx bigint NOT NULL,
  hash bytea NOT NULL,
  PRIMARY KEY (log, idx)
);
CREATE TABLE IF NOT EXISTS checkpoints (
  log bigint NOT NULL,
  size bigint NOT NULL,
  note text NOT NULL,
  created_at bigint NOT NULL,
  PRIMARY KEY (log, size)
);
CREATE TABLE IF NOT EXISTS secrets (
  log bigint NOT NULL,
  idx bigint NOT NULL,
  secret bytea NOT NULL,
  PRIMARY KEY (log, idx)
);
`
