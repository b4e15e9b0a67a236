import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { StoreError } from '../errors/StoreError.ts'
import { eventStoreSuite } from './eventStoreSuite.ts'
import { openSqliteEventStore } from './openSqliteEventStore.ts'

const dir = mkdtempSync(join(tmpdir(), 'fx-store-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('openSqliteEventStore', () => {
  eventStoreSuite({ open: () => openSqliteEventStore({ path: join(dir, 'events.db') }) })

  it('fails clearly when the file cannot be opened', async () => {
    await expect(openSqliteEventStore({ path: join(dir, 'missing', 'x.db') })).rejects.toThrow(StoreError)
  })

  it('keeps what it stored across reopening', async () => {
    const path = join(dir, 'reopen.db')
    const a = await openSqliteEventStore({ path })
    await a.commit({ blocks: [], events: [], cursor: { key: 'k', chain: 'c', block: 5, hash: '0x5' } })
    await a.close()
    const b = await openSqliteEventStore({ path })
    expect(await b.getCursor('k')).toEqual({ key: 'k', chain: 'c', block: 5, hash: '0x5' })
    await b.close()
  })
})
