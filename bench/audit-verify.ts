// Full verification of a log from its public tlog-tiles data, served over loopback HTTP from the memory storage,
// and inclusion-proof generation at the same size.
//   node --import tsx bench/audit-verify.ts            (1,000,000 entries)
//   SIZE=100000 node --import tsx bench/audit-verify.ts
import { cpus, loadavg } from 'node:os'
import { createLogApp } from '../packages/audit/src/http/createLogApp.ts'
import { serve } from '../packages/audit/src/http/serve.ts'
import { createMemoryStorage } from '../packages/audit/src/storage/createMemoryStorage.ts'
import { proveInclusion } from '../packages/audit/src/tree/proveInclusion.ts'
import { createTestLogKey } from '../packages/audit/src/verify/createTestLogKey.fixture.ts'
import { verifyLog } from '../packages/audit/src/verify/verifyLog.ts'

const size = Number(process.env.SIZE ?? 1_000_000)
const batch = 50_000
const proofs = 10_000

const key = createTestLogKey({ origin: 'bench.sextant/audit' })
const storage = createMemoryStorage({ origin: key.origin })
const encoder = new TextEncoder()
let entryBytes = 0
let started = performance.now()
let cpu = process.cpuUsage()
for (let first = 0; first < size; first += batch) {
  const entries = Array.from({ length: Math.min(batch, size - first) }, (_, i) => {
    const data = encoder.encode(
      JSON.stringify({
        type: 'chat',
        seq: first + i,
        model: 'bench-model',
        commitment: (first + i).toString(16).padStart(64, '0'),
      }),
    )
    entryBytes += data.length
    return { data }
  })
  await storage.appendEntries(entries)
}
await key.checkpoint(storage)
const buildMs = performance.now() - started
const buildCpuMs = cpuMs(process.cpuUsage(cpu))

const server = await serve({ app: createLogApp({ storage }) })
const rssBefore = process.memoryUsage().rss
let peakRss = rssBefore
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
}, 50)
started = performance.now()
cpu = process.cpuUsage()
const result = await verifyLog({ url: server.url, verifyCheckpoint: key.verifyCheckpoint, concurrency: 32 })
const verifyMs = performance.now() - started
const verifyCpuMs = cpuMs(process.cpuUsage(cpu))
clearInterval(sampler)
await server.close()
if (!result.ok) throw new Error(`verification failed: ${JSON.stringify(result.problem)}`)

const timings: number[] = []
let seed = 1
for (let i = 0; i < proofs; i++) {
  seed = (seed * 48271) % 2147483647
  const index = seed % size
  const t = performance.now()
  await proveInclusion(storage, { index, size })
  timings.push((performance.now() - t) * 1000)
}
timings.sort((a, b) => a - b)
function cpuMs({ user, system }: NodeJS.CpuUsage): number {
  return Math.round((user + system) / 1000)
}
const quantile = (q: number) =>
  Math.round(timings[Math.min(timings.length - 1, Math.floor(q * timings.length))]! * 10) / 10

console.log(
  JSON.stringify(
    {
      bench: 'audit-verify',
      size,
      entryBytes,
      build: { ms: Math.round(buildMs), cpuMs: buildCpuMs },
      verify: {
        transport: 'HTTP/1.1 loopback, @hono/node-server, gzip entry bundles',
        ms: Math.round(verifyMs),
        cpuMs: verifyCpuMs,
        entriesPerSecond: Math.round(size / (verifyMs / 1000)),
        resourcesFetched: result.fetched,
        concurrency: 32,
        rssBeforeMiB: Math.round(rssBefore / 2 ** 20),
        peakRssMiB: Math.round(peakRss / 2 ** 20),
      },
      proveInclusion: { samples: proofs, p50Us: quantile(0.5), p99Us: quantile(0.99), maxUs: quantile(1) },
      node: process.version,
      cpu: `${cpus().length} × ${cpus()[0]?.model}`,
      loadAverage1m: Math.round(loadavg()[0]! * 10) / 10,
    },
    null,
    2,
  ),
)
