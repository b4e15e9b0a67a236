import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { beginImmediate } from './beginImmediate.ts'

const dir = mkdtempSync(join(tmpdir(), 'sextant-begin-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function pair(name: string) {
  const path = join(dir, name)
  const holder = new Database(path)
  holder.pragma('journal_mode = WAL')
  holder.exec('CREATE TABLE t (x)')
  return { holder, waiter: new Database(path, { timeout: 5000 }) }
}

describe('beginImmediate', () => {
  it('waits for another connection without blocking the event loop, then takes the lock', async () => {
    const { holder, waiter } = pair('wait.db')
    holder.exec('BEGIN IMMEDIATE')
    let ticks = 0
    const ticker = setInterval(() => ticks++, 5)
    setTimeout(() => holder.exec('COMMIT'), 60)
    await beginImmediate(waiter, { busyTimeoutMs: 5000, connectionTimeoutMs: 5000 })
    clearInterval(ticker)
    expect(waiter.inTransaction).toBe(true)
    expect(ticks).toBeGreaterThan(3)
    expect(waiter.pragma('busy_timeout', { simple: true })).toBe(5000)
    waiter.exec('COMMIT')
    holder.close()
    waiter.close()
  })

  it('gives up with SQLITE_BUSY after busyTimeoutMs', async () => {
    const { holder, waiter } = pair('busy.db')
    holder.exec('BEGIN IMMEDIATE')
    const started = Date.now()
    await expect(
      beginImmediate(waiter, { busyTimeoutMs: 50, connectionTimeoutMs: 5000 }),
    ).rejects.toMatchObject({
      code: 'SQLITE_BUSY',
    })
    expect(Date.now() - started).toBeGreaterThanOrEqual(50)
    expect(waiter.inTransaction).toBe(false)
    holder.exec('ROLLBACK')
    holder.close()
    waiter.close()
  })
})
