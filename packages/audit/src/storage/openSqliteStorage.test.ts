import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { InvalidInputError, StorageError } from '../errors/AuditError.ts'
import { openSqliteStorage } from './openSqliteStorage.ts'
import { storageSuite } from './storageSuite.ts'

const dir = mkdtempSync(join(tmpdir(), 'sextant-sqlite-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const file = join(dir, 'suite.db')

describe('openSqliteStorage', () => {
  storageSuite({ open: (origin) => openSqliteStorage({ path: file, origin }) })

  it('runs in WAL mode with synchronous=FULL and secure_delete', async () => {
    const pragma = vi.spyOn(Database.prototype, 'pragma')
    const storage = await openSqliteStorage({ path: join(dir, 'pragmas.db'), origin: 'example.com/p' })
    const calls = pragma.mock.calls.map(([source]) => source)
    pragma.mockRestore()
    expect(calls).toEqual(expect.arrayContaining(['synchronous = FULL', 'secure_delete = ON']))
    const raw = new Database(join(dir, 'pragmas.db'), { readonly: true })
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal')
    raw.close()
    await storage.close()
  })

  it('erases a secret from both the database file and the WAL', async () => {
    const path = join(dir, 'erase.db')
    const storage = await openSqliteStorage({ path, origin: 'example.com/erase' })
    const secret = randomBytes(40)
    const entries = Array.from({ length: 50 }, (_, i) => ({
      data: randomBytes(100),
      secret: randomBytes(40 + i),
    }))
    await storage.appendEntries([...entries, { data: randomBytes(100), secret }])
    const holds = () =>
      [path, `${path}-wal`].some((f) => existsSync(f) && readFileSync(f).indexOf(secret) !== -1)
    expect(holds()).toBe(true)
    expect(await storage.eraseSecret(50)).toBe(true)
    expect(holds()).toBe(false)
    expect(statSync(`${path}-wal`).size).toBe(0)
    expect(await storage.getSecret(49)).toEqual(new Uint8Array(entries[49]!.secret))
    await storage.close()
  })

  it('lets several connections of one process write one file', async () => {
    const path = join(dir, 'shared.db')
    const handles = await Promise.all(
      ['a', 'a', 'b', 'b'].map((log) => openSqliteStorage({ path, origin: `example.com/${log}` })),
    )
    const data = (i: number) => new TextEncoder().encode(`entry ${i}`)
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => handles[i % 4]!.appendEntries([{ data: data(i) }])),
    )
    for (const log of [0, 2]) {
      const mine = results.filter((_, i) => i % 4 === log || i % 4 === log + 1)
      expect(mine.map((r) => r.firstIndex).sort((x, y) => x - y)).toEqual(
        Array.from({ length: 20 }, (_, i) => i),
      )
    }
    expect(await handles[1]!.size()).toBe(20)
    await Promise.all(handles.map((h) => h.close()))
  })

  it('rejects a bad origin or a file it cannot open', async () => {
    await expect(openSqliteStorage({ path: join(dir, 'x.db'), origin: '' })).rejects.toThrow(
      InvalidInputError,
    )
    await expect(openSqliteStorage({ path: join(dir, 'x.db'), origin: 'a\nb' })).rejects.toThrow(
      InvalidInputError,
    )
    await expect(openSqliteStorage({ path: join(dir, 'missing', 'x.db'), origin: 'o' })).rejects.toThrow(
      StorageError,
    )
  })
})
