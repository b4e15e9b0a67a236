/**
 * Configuration of a test writer process (`writerProcess.ts`), passed to it as JSON in its first argument.
 *
 * @example
 * const config: WriterConfig = { backend: 'sqlite', target: 'audit.db', origin: 'o', writer: 'w1', window: 64 }
 */
export type WriterConfig = {
  backend: 'sqlite' | 'postgres'
  /** SQLite file path, or PostgreSQL connection string. */
  target: string
  origin: string
  /** Tag of this writer in its entries (see writerEntry); unique per process run. */
  writer: string
  /** Appends kept in flight (the group-commit batches grow up to it). */
  window: number
  /** Entry size in bytes (default 200). */
  entryBytes?: number
  /** The appender's maxBatch. */
  maxBatch?: number
  /** Stop after this many appends (default: run until killed or until durationMs). */
  count?: number
  /** Stop after this long, in ms (counted from startAt when given). */
  durationMs?: number
  /** Wall-clock time (Date.now()) at which to start appending, so that several writers start together. */
  startAt?: number
  /** Print only the final `done` line, not one `ack` line per append (benchmarks). */
  quiet?: boolean
}
