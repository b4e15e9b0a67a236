import { describe, expect, it } from 'vitest'
import { StorageError } from '../../errors/AuditError.ts'
import { withPostgresDatabase } from './withPostgresDatabase.ts'

describe('withPostgresDatabase', () => {
  const unreachable = 'postgres://postgres@127.0.0.1:1/postgres'

  it('skips (resolves undefined) when no server answers outside CI', async () => {
    expect(await withPostgresDatabase({ connectionString: unreachable, ci: false })).toBeUndefined()
  })

  it('fails when no server answers under CI', async () => {
    await expect(withPostgresDatabase({ connectionString: unreachable, ci: true })).rejects.toThrow(
      StorageError,
    )
  })
})
