import { describe, expect, it } from 'vitest'
import { InvalidInputError, StorageError } from '../errors/AuditError.ts'
import type { LogStorage, NewEntry } from '../storage/LogStorage.ts'
import { openSqliteStorage } from '../storage/openSqliteStorage.ts'
import { createAppender } from './createAppender.ts'

const text = (s: string) => new TextEncoder().encode(s)

/** An in-memory SQLite log whose appendEntries calls are recorded, and can be made to fail atomically. */
async function recordedStorage() {
  const inner = await openSqliteStorage({ path: ':memory:', origin: 'example.com/appender' })
  const batches: number[] = []
  let failNext = false
  const storage: LogStorage = {
    ...inner,
    appendEntries(entries: ReadonlyArray<NewEntry>) {
      batches.push(entries.length)
      if (!failNext) return inner.appendEntries(entries)
      failNext = false
      // A trailing invalid entry makes the backend reject the whole batch: a real, atomic failure.
      return inner.appendEntries([...entries, { data: new Uint8Array(0) }])
    },
  }
  return {
    storage,
    inner,
    batches,
    failNextBatch: () => {
      failNext = true
    },
  }
}

describe('createAppender', () => {
  it('commits a burst of concurrent appends in one transaction', async () => {
    const { storage, batches } = await recordedStorage()
    const appender = createAppender(storage)
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => appender.append(text(`e${i}`))))
    expect(results.map((r) => r.index)).toEqual(Array.from({ length: 100 }, (_, i) => i))
    expect(batches).toEqual([100])
    expect(await storage.readEntries(42, 43)).toEqual([text('e42')])
    await storage.close()
  })

  it('commits a lone append on the next macrotask, without flush', async () => {
    const { storage, batches } = await recordedStorage()
    const appender = createAppender(storage)
    expect(await appender.append(text('alone'))).toEqual({ index: 0 })
    expect(await appender.append(text('second'), { secret: text('s') })).toEqual({ index: 1 })
    expect(batches).toEqual([1, 1])
    expect(await storage.getSecret(1)).toEqual(text('s'))
    await storage.close()
  })

  it('caps transactions at maxBatch entries', async () => {
    const { storage, batches } = await recordedStorage()
    const appender = createAppender(storage, { maxBatch: 10 })
    const results = await Promise.all(Array.from({ length: 35 }, (_, i) => appender.append(text(`e${i}`))))
    expect(results.map((r) => r.index)).toEqual(Array.from({ length: 35 }, (_, i) => i))
    expect(batches).toEqual([10, 10, 10, 5])
    await storage.close()
  })

  it('resolves only once the transaction committed', async () => {
    const { storage, inner } = await recordedStorage()
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const slow: LogStorage = {
      ...storage,
      appendEntries: async (entries) => {
        await gate
        return inner.appendEntries(entries)
      },
    }
    const appender = createAppender(slow)
    let settled = false
    const pending = appender.append(text('waits')).then((r) => {
      settled = true
      return r
    })
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(settled).toBe(false)
    expect(await inner.size()).toBe(0)
    release()
    expect(await pending).toEqual({ index: 0 })
    expect(await inner.size()).toBe(1)
    await storage.close()
  })

  it('rejects every append of a failed batch and writes none of them', async () => {
    const { storage, failNextBatch } = await recordedStorage()
    const appender = createAppender(storage)
    failNextBatch()
    const failed = await Promise.allSettled([appender.append(text('a')), appender.append(text('b'))])
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected'])
    expect(await storage.size()).toBe(0)
    expect(await appender.append(text('c'))).toEqual({ index: 0 })
    await storage.close()
  })

  it('rejects bad and oversize entries before queueing them', async () => {
    const { storage, batches } = await recordedStorage()
    const appender = createAppender(storage, { maxEntryBytes: 8 })
    const results = await Promise.allSettled([
      appender.append(text('ok')),
      appender.append(text('nine byte')),
      appender.append(new Uint8Array(0)),
      appender.append('text' as unknown as Uint8Array),
      appender.append(text('x'), { secret: 'secret' as unknown as Uint8Array }),
      appender.append(text('ok too')),
    ])
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value.index : r.reason.name))).toEqual([
      0,
      'InvalidInputError',
      'InvalidInputError',
      'InvalidInputError',
      'InvalidInputError',
      1,
    ])
    expect(batches).toEqual([2])
    expect(() => createAppender(storage, { maxBatch: 0 })).toThrow(InvalidInputError)
    expect(() => createAppender(storage, { maxEntryBytes: 1.5 })).toThrow(InvalidInputError)
    await storage.close()
  })

  it('flushes on demand and refuses appends once closed', async () => {
    const { storage } = await recordedStorage()
    const appender = createAppender(storage)
    const pending = [appender.append(text('a')), appender.append(text('b'))]
    await appender.flush()
    expect(await storage.size()).toBe(2)
    const last = appender.append(text('c'))
    await appender.close()
    expect(await storage.size()).toBe(3)
    expect(await Promise.all([...pending, last])).toEqual([{ index: 0 }, { index: 1 }, { index: 2 }])
    await expect(appender.append(text('late'))).rejects.toThrow(StorageError)
    await appender.close()
    await appender.flush()
    await storage.close()
  })

  it('keeps the bytes passed at append time', async () => {
    const { storage } = await recordedStorage()
    const appender = createAppender(storage)
    const data = text('original')
    const pending = appender.append(data)
    data.fill(0)
    await pending
    expect(await storage.readEntries(0, 1)).toEqual([text('original')])
    await storage.close()
  })
})
