import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { StorageError } from '../errors/AuditError.ts'
import { openPostgresStorage } from './openPostgresStorage.ts'
import { storageSuite } from './storageSuite.ts'
import { withPostgresDatabase } from './testing/withPostgresDatabase.ts'

const database = await withPostgresDatabase()

describe.skipIf(!database)('openPostgresStorage', () => {
  const connectionString = database?.connectionString ?? ''
  storageSuite({ open: (origin) => openPostgresStorage({ connectionString, origin, maxConnections: 4 }) })

  it('uses a pool owned by the caller and leaves it open', async () => {
    const pool = new pg.Pool({ connectionString })
    const storage = await openPostgresStorage({ pool, origin: 'example.com/pooled' })
    await storage.appendEntries([{ data: new Uint8Array([1, 2, 3]) }])
    await storage.close()
    const { rows } = await pool.query('SELECT size FROM logs WHERE origin = $1', ['example.com/pooled'])
    expect(Number(rows[0].size)).toBe(1)
    await pool.end()
  })

  it('fails with StorageError when the server is unreachable', async () => {
    const unreachable = 'postgres://postgres@127.0.0.1:1/none'
    await expect(openPostgresStorage({ connectionString: unreachable, origin: 'o' })).rejects.toThrow(
      StorageError,
    )
  })
})
