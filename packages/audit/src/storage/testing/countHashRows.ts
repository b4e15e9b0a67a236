import Database from 'better-sqlite3'
import pg from 'pg'
import { StorageError } from '../../errors/AuditError.ts'
import type { WriterConfig } from './WriterConfig.ts'

/** Parameters of {@link countHashRows}: where the log lives, as the test writers were told. */
export type CountHashRowsParameters = Pick<WriterConfig, 'backend' | 'target' | 'origin'>

/**
 * Counts a log's rows in the backend's hashes table with plain SQL, beside the LogStorage API, so that a test
 * can check that crashes left exactly storedHashCount(size) of them (no orphans from a torn batch). For SQLite
 * it first runs `PRAGMA integrity_check`, and throws if the file is damaged.
 *
 * @example
 * expect(await countHashRows({ backend: 'sqlite', target: 'audit.db', origin })).toBe(storedHashCount(size))
 */
export async function countHashRows({ backend, target, origin }: CountHashRowsParameters): Promise<number> {
  if (backend === 'sqlite') {
    const db = new Database(target, { readonly: true })
    try {
      const integrity = db.pragma('integrity_check', { simple: true })
      if (integrity !== 'ok')
        throw new StorageError('SQLite integrity check failed', { details: String(integrity) })
      return db
        .prepare('SELECT count(*) FROM hashes WHERE log = (SELECT id FROM logs WHERE origin = ?)')
        .pluck()
        .get(origin) as number
    } finally {
      db.close()
    }
  }
  const client = new pg.Client({ connectionString: target })
  await client.connect()
  try {
    const { rows } = await client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM hashes WHERE log = (SELECT id FROM logs WHERE origin = $1)',
      [origin],
    )
    return rows[0]!.n
  } finally {
    await client.end()
  }
}
