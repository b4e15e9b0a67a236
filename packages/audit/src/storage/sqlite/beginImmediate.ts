import type Database from 'better-sqlite3'

/** Parameters of {@link beginImmediate}. */
export type BeginImmediateParameters = {
  /** Give up (rethrow SQLITE_BUSY) after this many ms. */
  busyTimeoutMs: number
  /** The connection's busy timeout, restored after each attempt (it still serves reads and checkpoints). */
  connectionTimeoutMs: number
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * `BEGIN IMMEDIATE` (take SQLite's write lock) that waits for another process's lock asynchronously, polling
 * every 1-4 ms. SQLite's own busy handler would block the event loop and back off to 25-100 ms sleeps, leaving
 * the lock idle while several writer processes contend for it.
 *
 * @example
 * await beginImmediate(db, { busyTimeoutMs: 30_000, connectionTimeoutMs: 30_000 })
 */
export async function beginImmediate(
  db: Database.Database,
  { busyTimeoutMs, connectionTimeoutMs }: BeginImmediateParameters,
): Promise<void> {
  const deadline = Date.now() + busyTimeoutMs
  for (let attempt = 0; ; attempt++) {
    db.pragma('busy_timeout = 0')
    try {
      db.exec('BEGIN IMMEDIATE')
      return
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' || Date.now() >= deadline) throw error
    } finally {
      db.pragma(`busy_timeout = ${connectionTimeoutMs}`)
    }
    await sleep(Math.min(4, 1 + attempt))
  }
}
