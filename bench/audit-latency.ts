// Latency from append to a signed checkpoint covering the entry plus its inclusion proof, at a steady offered
// load (default 3,000 appends/s for 10 s) on the embedded SQLite backend with automatic checkpoints.
// Usage: node --import tsx bench/audit-latency.ts   (RATE, SECONDS, CHECKPOINT_MS env to change)
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openAuditLog } from '../packages/audit/src/log/openAuditLog.ts'
import { generateSignerKey } from '../packages/audit/src/note/generateSignerKey.ts'
import { openSqliteStorage } from '../packages/audit/src/storage/openSqliteStorage.ts'
import { proveInclusion } from '../packages/audit/src/tree/proveInclusion.ts'

const rate = Number(process.env.RATE ?? 3000)
const seconds = Number(process.env.SECONDS ?? 10)
const checkpointMs = Number(process.env.CHECKPOINT_MS ?? 100)
const origin = 'bench.sextant/latency'
const dir = mkdtempSync(join(tmpdir(), 'sextant-latency-'))
const log = await openAuditLog({
  storage: await openSqliteStorage({ path: join(dir, 'audit.db'), origin }),
  signerKey: generateSignerKey({ name: origin }).signerKey,
  checkpointIntervalMs: checkpointMs,
})

const started = new Map<number, number>()
const latencies: number[] = []
let sent = 0
let acked = 0
const entry = (i: number) => new TextEncoder().encode(JSON.stringify({ op: 'chat', i, pad: 'x'.repeat(150) }))

// A watcher turns each new checkpoint into inclusion proofs for the entries it covers.
let covered = 0
const watcher = setInterval(async () => {
  const checkpoint = await log.storage.latestCheckpoint()
  if (!checkpoint || checkpoint.size <= covered) return
  const upTo = checkpoint.size
  for (let i = covered; i < upTo; i++) {
    const t0 = started.get(i)
    if (t0 === undefined) continue
    await proveInclusion(log.storage, { index: i, size: upTo })
    latencies.push(performance.now() - t0)
    started.delete(i)
  }
  covered = upTo
}, 5)

const tick = 10
const perTick = (rate * tick) / 1000
const t0 = performance.now()
await new Promise<void>((resolve) => {
  const timer = setInterval(() => {
    const due = Math.min(Math.floor(((performance.now() - t0) / 1000) * rate), rate * seconds)
    for (; sent < due; sent++) {
      const began = performance.now()
      log.append(entry(sent)).then(({ index }) => {
        started.set(index, began)
        acked++
      })
    }
    if (sent >= rate * seconds) {
      clearInterval(timer)
      resolve()
    }
  }, tick)
})
while (latencies.length < rate * seconds) await new Promise((r) => setTimeout(r, 20))
clearInterval(watcher)
const elapsed = (performance.now() - t0) / 1000
await log.close()
rmSync(dir, { recursive: true, force: true })

latencies.sort((a, b) => a - b)
const q = (p: number) =>
  Number(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(1))
console.log(
  JSON.stringify({
    bench: 'audit-latency',
    offeredRate: rate,
    perTick,
    entries: latencies.length,
    acked,
    achievedRate: Math.round(latencies.length / elapsed),
    checkpointIntervalMs: checkpointMs,
    latencyMs: { p50: q(0.5), p90: q(0.9), p99: q(0.99), max: q(1) },
  }),
)
