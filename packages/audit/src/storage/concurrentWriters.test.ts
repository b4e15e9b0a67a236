import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { LogStorage } from './LogStorage.ts'
import { openPostgresStorage } from './openPostgresStorage.ts'
import { openSqliteStorage } from './openSqliteStorage.ts'
import { countHashRows } from './testing/countHashRows.ts'
import { spawnWriter } from './testing/spawnWriter.ts'
import { verifyWriterLog } from './testing/verifyWriterLog.ts'
import type { WriterConfig } from './testing/WriterConfig.ts'
import { withPostgresDatabase } from './testing/withPostgresDatabase.ts'

const entryBytes = 200
const origin = 'example.com/concurrent'
const writers = 4
const count = 1500
const dir = mkdtempSync(join(tmpdir(), 'sextant-concurrent-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const database = await withPostgresDatabase()

/** Opens the log once (creating it), then runs 4 writer processes at once, each appending `count` entries. */
async function runWriters(config: Omit<WriterConfig, 'writer' | 'window'>, open: () => Promise<LogStorage>) {
  await (await open()).close()
  const runs = await Promise.all(
    Array.from({ length: writers }, (_, w) => spawnWriter({ ...config, writer: `w${w}`, window: 32, count })),
  )
  return runs.flatMap((run, w) => {
    expect(run.code, run.stderr).toBe(0)
    expect(run.done?.acked).toBe(count)
    return run.acks.map(({ index, seq }) => ({ writer: `w${w}`, index, seq }))
  })
}

/** Runs the writers, then checks the log they leave: every append present, dense, hashes consistent. */
async function check(config: Omit<WriterConfig, 'writer' | 'window'>, open: () => Promise<LogStorage>) {
  const acks = await runWriters(config, open)
  const storedHashRows = await countHashRows(config)
  const storage = await open()
  expect(await verifyWriterLog(storage, { acks, storedHashRows, entryBytes })).toEqual({
    size: writers * count,
    acknowledged: writers * count,
  })
  await storage.close()
}

describe('concurrent writer processes on one log', () => {
  it('SQLite: 4 processes on one file leave a dense, consistent log with every entry', async () => {
    const path = join(dir, 'concurrent.db')
    await check({ backend: 'sqlite', target: path, origin, entryBytes }, () =>
      openSqliteStorage({ path, origin }),
    )
  }, 60_000)

  it.skipIf(!database)(
    'PostgreSQL: 4 processes on one log leave a dense, consistent log',
    async () => {
      const connectionString = database!.connectionString
      const config = { backend: 'postgres', target: connectionString, origin, entryBytes } as const
      await check(config, () => openPostgresStorage({ connectionString, origin }))
    },
    60_000,
  )
})
