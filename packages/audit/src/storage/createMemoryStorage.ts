import { InvalidInputError, StorageError } from '../errors/AuditError.ts'
import { MAX_ENTRY_SIZE } from '../tiles/constants.ts'
import type { HashReader } from '../tree/HashReader.ts'
import { hashLeaf } from '../tree/hashLeaf.ts'
import { storedHashes } from '../tree/storedHashes.ts'
import { createByteArena } from './createByteArena.ts'
import type { LogStorage, NewEntry, StoredCheckpoint } from './LogStorage.ts'

/** Parameters of {@link createMemoryStorage}. */
export type CreateMemoryStorageParameters = {
  /** The log's origin line: non-empty, one line. */
  origin: string
  /** Clock for checkpoint `createdAt` (milliseconds); defaults to `Date.now`. */
  now?: () => number
}

/** Return type of {@link createMemoryStorage}. */
export type CreateMemoryStorageReturnType = LogStorage

/**
 * An in-memory {@link LogStorage} for tests and ephemeral logs. Same contract as the durable backends: appends
 * are serialized and all-or-nothing, every argument is validated before anything changes, and entries are
 * limited to {@link MAX_ENTRY_SIZE} bytes so every entry fits a tlog-tiles entry bundle. Reads return copies.
 *
 * @example
 * const storage = createMemoryStorage({ origin: 'example.com/log' })
 * const { firstIndex } = await storage.appendEntries([{ data: new TextEncoder().encode('hello') }])
 */
export function createMemoryStorage({
  origin,
  now = Date.now,
}: CreateMemoryStorageParameters): CreateMemoryStorageReturnType {
  if (typeof origin !== 'string' || origin.length === 0 || /[\n\r]/.test(origin)) {
    throw new InvalidInputError('invalid origin', { details: 'the origin must be one non-empty line' })
  }
  const entries = createByteArena()
  const hashes = createByteArena()
  const secrets = new Map<number, Uint8Array>()
  const checkpoints = new Map<number, StoredCheckpoint>()
  let latest: StoredCheckpoint | undefined
  let closed = false
  let writeLock: Promise<unknown> = Promise.resolve()

  const open = () => {
    if (closed) throw new StorageError('storage is closed', { details: `origin ${origin}` })
  }
  const checkIndex = (index: number, bound: number, what: string) => {
    if (!Number.isSafeInteger(index) || index < 0 || index >= bound) {
      throw new InvalidInputError(`${what} out of range`, { details: `${what} ${index}, bound ${bound}` })
    }
  }
  const readHashes = async (indexes: readonly number[]) => {
    open()
    for (const i of indexes) checkIndex(i, hashes.count, 'storage index')
    return indexes.map((i) => hashes.get(i))
  }

  const append = async (batch: ReadonlyArray<NewEntry>) => {
    open()
    const firstIndex = entries.count
    const pending: Uint8Array[] = []
    const reader: HashReader = {
      readHashes: async (indexes) =>
        indexes.map((i) => (i < hashes.count ? hashes.get(i) : pending[i - hashes.count]!)),
    }
    for (const [offset, entry] of batch.entries()) {
      pending.push(
        ...(await storedHashes(reader, { index: firstIndex + offset, leafHash: hashLeaf(entry.data) })),
      )
    }
    for (const hash of pending) hashes.push(hash)
    for (const [offset, entry] of batch.entries()) {
      entries.push(entry.data)
      if (entry.secret) secrets.set(firstIndex + offset, entry.secret)
    }
    return { firstIndex, size: entries.count }
  }

  return {
    origin,
    readHashes,
    async appendEntries(batch) {
      open()
      const copies = copyEntries(batch)
      const run = writeLock.then(() => append(copies))
      writeLock = run.catch(() => undefined)
      return run
    },
    async size() {
      open()
      return entries.count
    },
    async readEntries(start, end) {
      open()
      if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || start > end) {
        throw new InvalidInputError('invalid entry range', { details: `[${start}, ${end})` })
      }
      if (end > entries.count) {
        throw new InvalidInputError('entry range beyond the log', {
          details: `${end} > size ${entries.count}`,
        })
      }
      return Array.from({ length: end - start }, (_, i) => entries.get(start + i))
    },
    async putCheckpoint({ size, note }) {
      open()
      checkIndex(size, entries.count + 1, 'checkpoint size')
      if (typeof note !== 'string' || note.length === 0) throw new InvalidInputError('empty checkpoint note')
      const stored = checkpoints.get(size)
      if (stored) {
        if (stored.note === note) return
        throw new InvalidInputError('a different checkpoint of this size is stored', {
          details: `size ${size}`,
        })
      }
      const checkpoint = { size, note, createdAt: now() }
      checkpoints.set(size, checkpoint)
      if (!latest || size > latest.size) latest = checkpoint
    },
    async latestCheckpoint() {
      open()
      return latest && { ...latest }
    },
    async getCheckpoint(size) {
      open()
      checkIndex(size, Number.MAX_SAFE_INTEGER, 'checkpoint size')
      const stored = checkpoints.get(size)
      return stored && { ...stored }
    },
    async getSecret(index) {
      open()
      checkIndex(index, entries.count, 'entry index')
      return secrets.get(index)?.slice()
    },
    async eraseSecret(index) {
      open()
      checkIndex(index, entries.count, 'entry index')
      const secret = secrets.get(index)
      if (!secret) return false
      secret.fill(0)
      secrets.delete(index)
      return true
    },
    async close() {
      closed = true
    },
  }
}

/** Validates a batch and copies it, so the caller can reuse its buffers while the append waits for the lock. */
function copyEntries(batch: ReadonlyArray<NewEntry>): NewEntry[] {
  if (!Array.isArray(batch)) throw new InvalidInputError('entries must be an array')
  return batch.map((entry: NewEntry, i) => {
    if (!(entry?.data instanceof Uint8Array)) {
      throw new InvalidInputError('entry data must be a Uint8Array', { details: `entry ${i} of the batch` })
    }
    if (entry.data.length > MAX_ENTRY_SIZE) {
      throw new InvalidInputError('entry too large', {
        details: `entry ${i} of the batch has ${entry.data.length} bytes, at most ${MAX_ENTRY_SIZE} fit a tile`,
      })
    }
    if (entry.secret !== undefined && !(entry.secret instanceof Uint8Array)) {
      throw new InvalidInputError('entry secret must be a Uint8Array', { details: `entry ${i} of the batch` })
    }
    return entry.secret
      ? { data: entry.data.slice(), secret: entry.secret.slice() }
      : { data: entry.data.slice() }
  })
}
