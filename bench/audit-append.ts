// Durable appends per second to the audit log through the group-commit appender, with 1 and 4 writer
// processes, on SQLite (always) and PostgreSQL (when a server answers). Entries of 200 bytes, a secret on every
// fourth. Run: node --import tsx bench/audit-append.ts   (prints JSON; BENCH_DURATION_MS, BENCH_PG to adjust)
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { StorageError } from '../packages/audit/src/errors/AuditError.ts'
import type { LogStorage } from '../packages/audit/src/storage/LogStorage.ts'
import { openPostgresStorage } from '../packages/audit/src/storage/openPostgresStorage.ts'
import { openSqliteStorage } from '../packages/audit/src/storage/openSqliteStorage.ts'
import { spawnWriter } from '../packages/audit/src/storage/testing/spawnWriter.ts'
import type { WriterConfig } from '../packages/audit/src/storage/testing/WriterConfig.ts'
import { treeHash } from '../packages/audit/src/tree/treeHash.ts'

const durationMs = Number(process.env.BENCH_DURATION_MS ?? 5000)
const pgUrl =
  process.env.BENCH_PG ?? process.env.SEXTANT_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const entryBytes = 200
const window = 4096
const maxBatch = 2048

type Result = {
  backend: WriterConfig['backend']
  writers: number
  appends: number
  appendsPerSecond: number
  /** Writer-process CPU (user + system) per append, in µs: what a busy machine cannot inflate much. */
  writerCpuMicrosPerAppend: number
  /** 1-minute load average when the case ended: other work on the machine slows the figures down. */
  loadAverage: number
  perWriter: { appends: number; ms: number; cpuMs: number }[]
}

/** Runs `writers` processes for durationMs, all starting at the same instant, and checks the log after. */
async function measure(
  backend: WriterConfig['backend'],
  target: string,
  writers: number,
  origin: string,
  open: () => Promise<LogStorage>,
): Promise<Result> {
  await (await open()).close()
  const startAt = Date.now() + 3000
  const runs = await Promise.all(
    Array.from({ length: writers }, (_, w) =>
      spawnWriter({
        backend,
        target,
        origin,
        writer: `w${w}`,
        window,
        maxBatch,
        entryBytes,
        durationMs,
        startAt,
        quiet: true,
      }),
    ),
  )
  const perWriter = runs.map((run) => {
    if (!run.done) throw new StorageError('writer failed', { details: run.stderr })
    return { appends: run.done.acked, ms: run.done.ms, cpuMs: run.done.cpuMs }
  })
  const appends = perWriter.reduce((n, w) => n + w.appends, 0)
  const storage = await open()
  const size = await storage.size()
  await treeHash(storage, { size })
  await storage.close()
  if (size !== appends) {
    throw new StorageError('log size differs from the appends acknowledged', {
      details: `${size} != ${appends}`,
    })
  }
  const appendsPerSecond = Math.round(perWriter.reduce((rate, w) => rate + (1000 * w.appends) / w.ms, 0))
  const cpuMs = perWriter.reduce((total, w) => total + w.cpuMs, 0)
  const writerCpuMicrosPerAppend = Number(((1000 * cpuMs) / appends).toFixed(1))
  const loadAverage = Number(loadavg()[0]!.toFixed(2))
  return { backend, writers, appends, appendsPerSecond, writerCpuMicrosPerAppend, loadAverage, perWriter }
}

async function postgresDatabase(): Promise<
  { url: string; settings: Record<string, string>; drop: () => Promise<void> } | undefined
> {
  const admin = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 })
  try {
    await admin.connect()
  } catch {
    return undefined
  }
  const { rows } = await admin.query<{ name: string; setting: string }>(
    "SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'wal_sync_method')",
  )
  const settings = Object.fromEntries(rows.map((row) => [row.name, row.setting]))
  const name = `sextant_bench_${randomBytes(6).toString('hex')}`
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(pgUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    settings,
    drop: async () => {
      const client = new pg.Client({ connectionString: pgUrl })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await client.end()
    },
  }
}

const results: Result[] = []
const dir = mkdtempSync(join(tmpdir(), 'sextant-bench-'))
try {
  for (const writers of [1, 4]) {
    const path = join(dir, `sqlite-${writers}.db`)
    const origin = `bench.sextant.local/sqlite/${writers}`
    results.push(await measure('sqlite', path, writers, origin, () => openSqliteStorage({ path, origin })))
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
const database = await postgresDatabase()
if (database) {
  try {
    for (const writers of [1, 4]) {
      const connectionString = database.url
      const origin = `bench.sextant.local/postgres/${writers}`
      const open = () => openPostgresStorage({ connectionString, origin })
      results.push(await measure('postgres', connectionString, writers, origin, open))
    }
  } finally {
    await database.drop()
  }
}
console.log(
  JSON.stringify(
    {
      benchmark: 'audit-append',
      durable: { sqlite: 'WAL, synchronous=FULL', postgres: 'one COMMIT per batch (see postgres.server)' },
      entryBytes,
      window,
      maxBatch,
      durationMs,
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version },
      postgres: database ? { server: database.settings } : `skipped: no server at ${pgUrl}`,
      results,
    },
    null,
    2,
  ),
)
