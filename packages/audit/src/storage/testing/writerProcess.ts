// A test writer: run as `node --import tsx writerProcess.ts '<WriterConfig JSON>'`. Opens the log, prints
// `ready`, then appends writerEntry(writer, 0), (writer, 1), ... through a group-commit appender with `window`
// appends in flight, printing `ack <index> <seq>` once each append resolved (durable), and finally
// `done <acked> <milliseconds> <CPU milliseconds>`. Stdout to a pipe is synchronous on Linux, so a printed
// ack survives SIGKILL.
import { createAppender } from '../../log/createAppender.ts'
import type { LogStorage } from '../LogStorage.ts'
import type { WriterConfig } from './WriterConfig.ts'
import { writerEntry } from './writerEntry.ts'

const config = JSON.parse(process.argv[2] ?? '{}') as WriterConfig
const { backend, target, origin, writer, window, entryBytes = 200, count, durationMs, quiet = false } = config

// Only the backend in use is loaded: start-up time matters when a test restarts writers dozens of times.
const storage: LogStorage =
  backend === 'sqlite'
    ? await (await import('../openSqliteStorage.ts')).openSqliteStorage({ path: target, origin })
    : await (await import('../openPostgresStorage.ts')).openPostgresStorage({
        connectionString: target,
        origin,
        maxConnections: 2,
      })
const appender = createAppender(storage, config.maxBatch ? { maxBatch: config.maxBatch } : {})
process.stdout.write('ready\n')
if (config.startAt !== undefined)
  await new Promise((resolve) => setTimeout(resolve, config.startAt! - Date.now()))

const started = performance.now()
const cpuBefore = process.cpuUsage()
const deadline = durationMs === undefined ? Number.POSITIVE_INFINITY : started + durationMs
let next = 0
let acked = 0
const more = () => (count === undefined || next < count) && performance.now() < deadline
async function lane(): Promise<void> {
  while (more()) {
    const seq = next++
    const { data, secret } = writerEntry(writer, seq, entryBytes)
    const { index } = await appender.append(data, secret ? { secret } : {})
    acked++
    if (!quiet) process.stdout.write(`ack ${index} ${seq}\n`)
  }
}
await Promise.all(Array.from({ length: window }, lane))
const elapsed = performance.now() - started
const cpu = process.cpuUsage(cpuBefore)
await appender.close()
await storage.close()
process.stdout.write(`done ${acked} ${elapsed.toFixed(1)} ${((cpu.user + cpu.system) / 1000).toFixed(1)}\n`)
