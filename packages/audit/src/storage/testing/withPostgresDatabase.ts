import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll } from 'vitest'
import { StorageError } from '../../errors/AuditError.ts'

/** Parameters of {@link withPostgresDatabase}. */
export type WithPostgresDatabaseParameters = {
  /** Server to use (default `SEXTANT_TEST_PG`, else `postgres://postgres@127.0.0.1:5432/postgres`). */
  connectionString?: string
  /** Fail instead of skipping when no server answers (default `process.env.CI === 'true'`). */
  ci?: boolean
  /** How long to wait for the server to answer, in ms (default 3,000). */
  connectTimeoutMs?: number
}

/** What {@link withPostgresDatabase} resolves to: the fresh database, or undefined when tests must skip. */
export type WithPostgresDatabaseReturnType = { connectionString: string; name: string } | undefined

/**
 * Test helper: creates a fresh database `sextant_test_<random>` on the test server and drops it after the test
 * file (a vitest `afterAll` hook, so call it at the top level of a test file or in a `describe`). When no
 * server answers it prints why and resolves undefined, so the file's PostgreSQL suites skip; under `CI=true`
 * it throws instead, failing the file.
 *
 * @example
 * const database = await withPostgresDatabase()
 * describe.skipIf(!database)('on PostgreSQL', () => {
 *   it('connects', async () => { await new pg.Client(database!.connectionString).connect() })
 * })
 */
export async function withPostgresDatabase({
  connectionString = process.env.SEXTANT_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  ci = process.env.CI === 'true',
  connectTimeoutMs = 3_000,
}: WithPostgresDatabaseParameters = {}): Promise<WithPostgresDatabaseReturnType> {
  const admin = new pg.Client({ connectionString, connectionTimeoutMillis: connectTimeoutMs })
  admin.on('error', () => {})
  try {
    await admin.connect()
  } catch (error) {
    const reason = `no PostgreSQL server answers at ${redact(connectionString)} (${(error as Error).message})`
    await admin.end().catch(() => {})
    if (ci)
      throw new StorageError('PostgreSQL tests cannot run under CI=true', { details: reason, cause: error })
    console.warn(`Skipping PostgreSQL tests: ${reason}. Set SEXTANT_TEST_PG to a server to run them.`)
    return undefined
  }
  const name = `sextant_test_${randomBytes(8).toString('hex')}`
  try {
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  afterAll(async () => {
    const dropper = new pg.Client({ connectionString, connectionTimeoutMillis: connectTimeoutMs })
    await dropper.connect()
    try {
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    } finally {
      await dropper.end()
    }
  })
  const url = new URL(connectionString)
  url.pathname = `/${name}`
  return { connectionString: url.toString(), name }
}

function redact(connectionString: string): string {
  try {
    const url = new URL(connectionString)
    if (url.password) url.password = '***'
    return url.toString()
  } catch {
    return '(unparsable connection string)'
  }
}
