import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { withPostgresDatabase } from '@sextant/audit/storage/testing/withPostgresDatabase'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { runSextant } from '../../testing/runSextant.ts'

// A fresh database on the local server (SEXTANT_TEST_PG, else 127.0.0.1:5432), dropped after the file.
const database = await withPostgresDatabase()
const dataDir = mkdtempSync(join(tmpdir(), 'sextant-up-pg-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

type Report = {
  resumed: boolean
  log: { origin: string; db: string; size: number }
  session: { id: string; payments: { decision: string }[] }
}

const once = async () => {
  const { code, out, err } = await runSextant(
    'up',
    '--once',
    '--port',
    '0',
    '--data-dir',
    dataDir,
    '--postgres',
    database!.connectionString,
    '--json',
  )
  expect(err).toBe('')
  expect(code).toBe(0)
  return JSON.parse(out.trim().split('\n').at(-1)!) as Report
}

const query = async <T>(sql: string, values: unknown[] = []): Promise<T[]> => {
  const client = new pg.Client({ connectionString: database!.connectionString })
  await client.connect()
  try {
    return (await client.query(sql, values)).rows as T[]
  } finally {
    await client.end()
  }
}

describe.skipIf(!database)('sextant up --postgres', () => {
  it('keeps the audit log and the forensics events in PostgreSQL, and resumes from them', async () => {
    const first = await once()
    expect(first.resumed).toBe(false)
    expect(first.log.db).toBe('postgres')
    expect(first.session.payments.map((p) => p.decision)).toEqual(['allow', 'deny'])
    // Nothing of either store went to SQLite files in the data dir.
    expect(existsSync(join(dataDir, 'audit.db'))).toBe(false)
    expect(existsSync(join(dataDir, 'forensics.db'))).toBe(false)
    const [log] = await query<{ id: string; size: string }>('SELECT id, size FROM logs WHERE origin = $1', [
      first.log.origin,
    ])
    expect(Number(log!.size)).toBe(first.log.size)
    const [entries] = await query<{ n: string }>('SELECT count(*) AS n FROM entries WHERE log = $1', [
      log!.id,
    ])
    expect(Number(entries!.n)).toBe(first.log.size)
    const [checkpoints] = await query<{ n: string }>('SELECT count(*) AS n FROM checkpoints WHERE log = $1', [
      log!.id,
    ])
    expect(Number(checkpoints!.n)).toBeGreaterThan(0)
    const launches = await query<{ kind: string; n: string }>(
      'SELECT kind, count(*) AS n FROM fx_events GROUP BY kind',
    )
    expect(launches.find((r) => r.kind === 'launch')).toBeDefined()
    const events = launches.reduce((sum, r) => sum + Number(r.n), 0)
    expect(events).toBeGreaterThan(10)

    const second = await once()
    expect(second.resumed).toBe(true)
    expect(second.log.origin).toBe(first.log.origin)
    expect(second.session.id).toBe('run-2')
    expect(second.log.size).toBeGreaterThan(first.log.size)
    const [grown] = await query<{ size: string }>('SELECT size FROM logs WHERE origin = $1', [
      first.log.origin,
    ])
    expect(Number(grown!.size)).toBe(second.log.size)
    // The second run played one more launch into the same event store, after the first one's events.
    const [after] = await query<{ n: string }>('SELECT count(*) AS n FROM fx_events')
    expect(Number(after!.n)).toBeGreaterThan(events)
    expect(await query('SELECT 1 FROM logs')).toHaveLength(1)
  }, 240_000)
})
