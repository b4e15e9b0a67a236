import { withPostgresDatabase } from '@sextant/audit/storage/testing/withPostgresDatabase'
import { describe, expect, it } from 'vitest'
import { StoreError } from '../errors/StoreError.ts'
import { eventStoreSuite } from './eventStoreSuite.ts'
import { openPostgresEventStore } from './openPostgresEventStore.ts'

const database = await withPostgresDatabase()

describe.skipIf(!database)('openPostgresEventStore', () => {
  const connectionString = database?.connectionString ?? ''
  eventStoreSuite({ open: () => openPostgresEventStore({ connectionString }) })

  it('fails with StoreError when the server is unreachable', async () => {
    await expect(
      openPostgresEventStore({ connectionString: 'postgres://postgres@127.0.0.1:1/none' }),
    ).rejects.toThrow(StoreError)
  })
})
