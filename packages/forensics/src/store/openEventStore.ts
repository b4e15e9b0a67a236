import type { EventStore } from './EventStore.ts'
import { openPostgresEventStore } from './openPostgresEventStore.ts'
import { openSqliteEventStore } from './openSqliteEventStore.ts'

/**
 * Opens the event store a location names: a `postgres://` / `postgresql://` URL opens PostgreSQL, anything else
 * is a SQLite file path.
 *
 * @example
 * const store = await openEventStore('forensics.db')
 * const shared = await openEventStore('postgres://postgres@127.0.0.1:5432/forensics')
 */
export async function openEventStore(location: string): Promise<EventStore> {
  return /^postgres(ql)?:\/\//.test(location)
    ? openPostgresEventStore({ connectionString: location })
    : openSqliteEventStore({ path: location })
}
