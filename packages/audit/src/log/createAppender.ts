import { InvalidInputError, StorageError } from '../errors/AuditError.ts'
import { assertIntegerInRange } from '../storage/assertIntegerInRange.ts'
import type { LogStorage, NewEntry } from '../storage/LogStorage.ts'
import type { Appender } from './Appender.ts'

/** Parameters of {@link createAppender}. */
export type CreateAppenderParameters = {
  /** Most entries per transaction (default 1,024); a full queue commits at once instead of waiting a tick. */
  maxBatch?: number
  /** Largest entry data accepted, in bytes (default 1 MiB); larger ones reject before being queued. */
  maxEntryBytes?: number
}

/** What {@link createAppender} returns. */
export type CreateAppenderReturnType = Appender

type Pending = {
  entry: NewEntry
  resolve: (value: { index: number }) => void
  reject: (error: unknown) => void
}

/**
 * Creates a group-commit {@link Appender} over `storage`. Appends queue in memory; the queue is committed as
 * one `appendEntries` transaction on the next macrotask (setImmediate), or at once when `maxBatch` entries
 * wait. One transaction runs at a time: what queues while it commits goes into the next one, so batches grow
 * with load and throughput follows (entries per commit) / (commit latency).
 *
 * @example
 * const storage = await openSqliteStorage({ path: 'audit.db', origin: 'sextant.local/audit' })
 * const appender = createAppender(storage, { maxBatch: 512 })
 * const results = await Promise.all(events.map((event) => appender.append(event)))
 * await appender.close()
 */
export function createAppender(
  storage: LogStorage,
  { maxBatch = 1024, maxEntryBytes = 1 << 20 }: CreateAppenderParameters = {},
): CreateAppenderReturnType {
  assertIntegerInRange({ name: 'maxBatch', value: maxBatch, min: 1, max: 1_000_000 })
  assertIntegerInRange({ name: 'maxEntryBytes', value: maxEntryBytes, min: 1, max: 2 ** 31 - 1 })
  let queue: Pending[] = []
  let timer: NodeJS.Immediate | undefined
  let running: Promise<void> | undefined
  let closed = false

  const commit = async (batch: Pending[]): Promise<void> => {
    try {
      const { firstIndex } = await storage.appendEntries(batch.map((pending) => pending.entry))
      for (const [i, pending] of batch.entries()) pending.resolve({ index: firstIndex + i })
    } catch (error) {
      for (const pending of batch) pending.reject(error)
    }
  }
  const kick = (): Promise<void> => {
    if (timer) clearImmediate(timer)
    timer = undefined
    if (running || queue.length === 0) return running ?? Promise.resolve()
    running = (async () => {
      while (queue.length > 0) {
        const batch = queue.length <= maxBatch ? queue : queue.slice(0, maxBatch)
        queue = queue.length <= maxBatch ? [] : queue.slice(maxBatch)
        await commit(batch)
        // A synchronous backend (SQLite) commits without yielding: let I/O in between batches.
        if (queue.length > 0) await new Promise((resolve) => setImmediate(resolve))
      }
      running = undefined
    })()
    return running
  }

  const flush = async (): Promise<void> => {
    while (queue.length > 0 || running) await kick()
  }

  return {
    append(data, options = {}) {
      if (closed) return Promise.reject(new StorageError('appender is closed'))
      if (!(data instanceof Uint8Array) || data.length === 0) {
        return Promise.reject(new InvalidInputError('entry data must be a non-empty Uint8Array'))
      }
      if (data.length > maxEntryBytes) {
        const details = `${data.length} bytes, maxEntryBytes ${maxEntryBytes}`
        return Promise.reject(new InvalidInputError('entry too large', { details }))
      }
      const { secret } = options ?? {}
      if (secret !== undefined && (!(secret instanceof Uint8Array) || secret.length === 0)) {
        return Promise.reject(new InvalidInputError('entry secret must be a non-empty Uint8Array'))
      }
      return new Promise((resolve, reject) => {
        // Copies: the caller may reuse its buffers while the entry waits in the queue.
        const entry: NewEntry = secret
          ? { data: data.slice(), secret: secret.slice() }
          : { data: data.slice() }
        queue.push({ entry, resolve, reject })
        if (queue.length >= maxBatch) void kick()
        else timer ??= setImmediate(kick)
      })
    },
    flush,
    async close() {
      closed = true
      await flush()
    },
  }
}
