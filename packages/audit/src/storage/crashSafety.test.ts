import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { LogStorage } from './LogStorage.ts'
import { openPostgresStorage } from './openPostgresStorage.ts'
import { openSqliteStorage } from './openSqliteStorage.ts'
import { type CountHashRowsParameters, countHashRows } from './testing/countHashRows.ts'
import { spawnWriter } from './testing/spawnWriter.ts'
import { type VerifyWriterLogParameters, verifyWriterLog } from './testing/verifyWriterLog.ts'
import type { WriterConfig } from './testing/WriterConfig.ts'
import { withPostgresDatabase } from './testing/withPostgresDatabase.ts'

const entryBytes = 200
const origin = 'example.com/crash'
const dir = mkdtempSync(join(tmpdir(), 'sextant-crash-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const database = await withPostgresDatabase()

/**
 * Restarts writers `runs` times in all on one log, `lanes` of them running at once, and SIGKILLs each at a
 * random moment: usually 50-300 ms after it is ready (mid-append), every fifth run 0-600 ms after spawning
 * (possibly while it opens the log). Window and batch sizes vary between runs. Returns every acknowledgement.
 */
async function killRepeatedly(config: Omit<WriterConfig, 'writer' | 'window'>, runs: number, lanes: number) {
  const acks: { writer: string; index: number; seq: number }[] = []
  const windows = [1, 16, 64, 256]
  const lane = async (first: number) => {
    for (let run = first; run < runs; run += lanes) {
      const writer = `run${run}`
      const fromSpawn = run % 5 === 4
      const killAfterMs = fromSpawn ? Math.random() * 600 : 50 + Math.random() * 250
      const window = windows[run % windows.length]!
      const result = await spawnWriter(
        { ...config, writer, window, maxBatch: 1 + Math.floor(Math.random() * window) },
        { killAfterMs, fromSpawn },
      )
      expect(result.signal, `run ${run} ended by itself: ${result.stderr}`).toBe('SIGKILL')
      for (const { index, seq } of result.acks) acks.push({ writer, index, seq })
    }
  }
  await Promise.all(Array.from({ length: lanes }, (_, first) => lane(first)))
  return acks
}

/** Checks the log the killed writers left, counting its hash rows with SQL beside the storage API. */
async function verify(
  where: CountHashRowsParameters,
  storage: LogStorage,
  acks: VerifyWriterLogParameters['acks'],
) {
  const storedHashRows = await countHashRows(where)
  const { size, acknowledged } = await verifyWriterLog(storage, { acks, storedHashRows, entryBytes })
  console.info(`${where.backend}: ${size} entries after the kills, ${acknowledged} of them acknowledged`)
  expect(acknowledged).toBeGreaterThan(0)
  expect(size).toBeGreaterThanOrEqual(acknowledged)
  await storage.close()
}

// Writer processes mostly wait on their children: the two backends' runs overlap.
describe.concurrent('crash safety: writers killed with SIGKILL, two at a time on one log', () => {
  it('SQLite: 50 kills leave every acknowledged entry, dense indexes and consistent hashes', async () => {
    const path = join(dir, 'crash.db')
    const where = { backend: 'sqlite', target: path, origin } as const
    const acks = await killRepeatedly({ ...where, entryBytes }, 50, 2)
    await verify(where, await openSqliteStorage({ path, origin }), acks)
  }, 120_000)

  it.skipIf(!database)(
    'PostgreSQL: 10 kills leave every acknowledged entry, dense and consistent',
    async () => {
      const connectionString = database!.connectionString
      const where = { backend: 'postgres', target: connectionString, origin } as const
      const acks = await killRepeatedly({ ...where, entryBytes }, 10, 2)
      await verify(where, await openPostgresStorage({ connectionString, origin }), acks)
    },
    120_000,
  )
})
