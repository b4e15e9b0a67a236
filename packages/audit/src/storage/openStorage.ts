import type { LogStorage } from './LogStorage.ts'
import { openPostgresStorage } from './openPostgresStorage.ts'
import { openSqliteStorage } from './openSqliteStorage.ts'

/** Parameters of {@link openStorage}. */
export type OpenStorageParameters = {
  /** A SQLite file path (embedded default) or a `postgres://` / `postgresql://` URL (server option). */
  url: string
  origin: string
}

/**
 * Opens log storage from a location string: PostgreSQL for `postgres://` URLs, SQLite for anything else.
 *
 * @example
 * const storage = await openStorage({ url: '.sextant/audit.db', origin: 'sextant.local/audit' })
 * const shared = await openStorage({ url: 'postgres://postgres@127.0.0.1/sextant', origin })
 */
export function openStorage({ url, origin }: OpenStorageParameters): Promise<LogStorage> {
  if (/^postgres(ql)?:\/\//.test(url)) return openPostgresStorage({ connectionString: url, origin })
  return openSqliteStorage({ path: url.replace(/^sqlite:/, ''), origin })
}
