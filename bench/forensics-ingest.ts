// Ingestion on replay: EVM launchpad logs recorded as eth_getLogs returns them (each trade = the Traded event and
// its ERC-20 Transfer leg, 100 trades per block, a wallet-to-wallet transfer every 20 trades) are decoded into
// MarketEvents and committed to the event store with blocks and cursor, one commit per 50 blocks. The recording is
// kept as one JSON response per 50-block slice and parsed just before that slice is ingested (off the clock: the
// measured part is decode + store), so the process holds one response's objects at a time, as a live ingester does.
// Run: node --import tsx bench/forensics-ingest.ts   (TRADES, default 300,000; BENCH_PG=postgres://… adds PostgreSQL)
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { encodeEventTopics, getAddress, numberToHex, parseEther } from 'viem'
import { decodeEvmLogs } from '../packages/forensics/src/evm/decodeEvmLogs.ts'
import { createEvmDecodeContext, registerToken } from '../packages/forensics/src/evm/EvmDecodeContext.ts'
import { evmEvents } from '../packages/forensics/src/evm/evmTopics.ts'
import type { RawLog } from '../packages/forensics/src/evm/RawLog.ts'
import type { EventStore, StoredBlock } from '../packages/forensics/src/store/EventStore.ts'
import { openPostgresEventStore } from '../packages/forensics/src/store/openPostgresEventStore.ts'
import { openSqliteEventStore } from '../packages/forensics/src/store/openSqliteEventStore.ts'

const trades = Number(process.env.TRADES ?? 300_000)
const perBlock = 100
const blocksPerCommit = 50
const launchpad = getAddress('0x1000000000000000000000000000000000000001')
const weth = getAddress('0xeeee000000000000000000000000000000000002')
const factory = getAddress('0x3000000000000000000000000000000000000003')
const tokens = Array.from({ length: 20 }, (_, i) =>
  getAddress(numberToHex(0x40n * 2n ** 152n + BigInt(i), { size: 20 })),
)
const wallets = Array.from({ length: 2000 }, (_, i) =>
  getAddress(numberToHex(0xa0n * 2n ** 152n + BigInt(i), { size: 20 })),
)

const hex32 = (v: bigint | string) =>
  (typeof v === 'string' ? v.slice(2).toLowerCase() : v.toString(16)).padStart(64, '0')
const topicOf = (event: (typeof evmEvents)[keyof typeof evmEvents]) =>
  (encodeEventTopics({ abi: [event], eventName: event.name } as never) as string[])[0]!
const tradedTopic = topicOf(evmEvents.traded)
const transferTopic = topicOf(evmEvents.transfer)

type Slice = { blocks: StoredBlock[]; response: string }

/** The recorded logs, one eth_getLogs response (JSON text) per 50-block slice: hex strings, 32-byte words. */
function record(): Slice[] {
  const blocks: StoredBlock[] = []
  const logs: RawLog[][] = []
  let n = 0
  for (let b = 0; n < trades; b++) {
    const hash = `0x${hex32(BigInt(b + 1) * 0x9e3779b97f4a7c15n)}`
    blocks.push({
      chain: 'eip155:1',
      number: b + 1,
      hash,
      parentHash: b ? blocks[b - 1]!.hash : `0x${'00'.repeat(32)}`,
      timestamp: 1_800_000_000 + b,
    })
    const list: RawLog[] = []
    for (let t = 0; t < perBlock && n < trades; t++, n++) {
      const token = tokens[n % tokens.length]!
      const trader = wallets[(n * 7) % wallets.length]!
      const isBuy = n % 3 !== 0
      const at = {
        blockNumber: b + 1,
        blockHash: hash,
        transactionHash: `0x${hex32(BigInt(n) * 0x5851f42d4c957f2dn + 1n)}`,
        transactionIndex: t,
      }
      const words = [
        isBuy ? 1n : 0n,
        parseEther('0.5') + BigInt(n),
        10n ** 24n + BigInt(n),
        parseEther('0.005'),
        parseEther('40'),
        8n * 10n ** 26n,
        parseEther('10'),
        5n * 10n ** 26n,
      ]
      list.push({
        address: launchpad,
        topics: [tradedTopic, `0x${hex32(token)}`, `0x${hex32(trader)}`],
        data: `0x${words.map(hex32).join('')}`,
        ...at,
        logIndex: list.length,
      })
      const [from, to] = isBuy ? [launchpad, trader] : [trader, launchpad]
      list.push({
        address: token,
        topics: [transferTopic, `0x${hex32(from)}`, `0x${hex32(to)}`],
        data: `0x${hex32(10n ** 24n)}`,
        ...at,
        logIndex: list.length,
      })
      if (n % 20 === 19) {
        const gift = wallets[(n * 13) % wallets.length]!
        list.push({
          address: token,
          topics: [transferTopic, `0x${hex32(trader)}`, `0x${hex32(gift)}`],
          data: `0x${hex32(5n)}`,
          ...at,
          logIndex: list.length,
        })
      }
    }
    logs.push(list)
  }
  const slices: Slice[] = []
  for (let i = 0; i < blocks.length; i += blocksPerCommit)
    slices.push({
      blocks: blocks.slice(i, i + blocksPerCommit),
      response: JSON.stringify(logs.slice(i, i + blocksPerCommit).flat()),
    })
  return slices
}

async function replay(name: string, store: EventStore, recorded: Slice[]) {
  const ctx = createEvmDecodeContext({ chain: 'eip155:1', launchpad, weth, factory })
  for (const t of tokens) registerToken(ctx, t)
  const timestamps = new Map(recorded.flatMap((s) => s.blocks).map((b) => [b.number, b.timestamp]))
  const timestampOf = (n: number) => timestamps.get(n)!
  let wall = 0
  let cpuUsed = 0
  let inserted = 0
  let decodedTrades = 0
  let decodeCpu = 0
  let decodedEvents = 0
  let parseCpu = 0
  // Parses a slice's response off the clock and decodes it on the clock; the logs die here, before the commit.
  const decodeSlice = (response: string) => {
    const parseStarted = process.cpuUsage()
    const logs = JSON.parse(response) as RawLog[]
    const parsed = process.cpuUsage(parseStarted)
    parseCpu += parsed.user + parsed.system
    const started = performance.now()
    const cpu = process.cpuUsage()
    const { events } = decodeEvmLogs(logs, ctx, timestampOf)
    return { events, started, cpu, decoded: process.cpuUsage(cpu) }
  }
  for (const { blocks, response } of recorded) {
    const { events, started, cpu, decoded } = decodeSlice(response)
    const last = blocks.at(-1)!
    inserted += (
      await store.commit({
        blocks,
        events,
        cursor: { key: 'bench', chain: 'eip155:1', block: last.number, hash: last.hash },
      })
    ).inserted
    const used = process.cpuUsage(cpu)
    wall += performance.now() - started
    cpuUsed += used.user + used.system
    decodeCpu += decoded.user + decoded.system
    decodedEvents += events.length
    for (const e of events) if (e.kind === 'trade') decodedTrades++
  }
  const seconds = wall / 1000
  if (decodedTrades !== trades) throw new Error(`decoded ${decodedTrades} trades, expected ${trades}`)
  if (inserted !== decodedEvents) throw new Error(`stored ${inserted} new events, decoded ${decodedEvents}`)
  if ((await store.countEvents({ kinds: ['trade'] })) !== trades)
    throw new Error('trades missing from the store')
  return {
    backend: name,
    trades,
    events: inserted,
    seconds: Number(seconds.toFixed(2)),
    tradesPerSecond: Math.round(trades / seconds),
    cpuMicrosPerTrade: Number((cpuUsed / trades).toFixed(2)),
    decodeCpuMicrosPerTrade: Number((decodeCpu / trades).toFixed(2)),
    // Not in the figures above: parsing the recorded eth_getLogs responses (the RPC client's JSON.parse).
    parseCpuMicrosPerTrade: Number((parseCpu / trades).toFixed(2)),
    loadAverage: Number(loadavg()[0]!.toFixed(2)),
  }
}

const recorded = record()
const dir = mkdtempSync(join(tmpdir(), 'fx-bench-'))
const results = []
try {
  const sqlite = await openSqliteEventStore({ path: join(dir, 'bench.db') })
  results.push(await replay('sqlite', sqlite, recorded))
  await sqlite.close()
  if (process.env.BENCH_PG) {
    const pgStore = await openPostgresEventStore({ connectionString: process.env.BENCH_PG })
    results.push(await replay('postgres', pgStore, recorded))
    await pgStore.close()
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
for (const r of results)
  process.stderr.write(
    `${r.backend}: ${r.tradesPerSecond.toLocaleString('en-US')} trades/s (${r.cpuMicrosPerTrade} µs CPU per trade; + ${r.parseCpuMicrosPerTrade} µs JSON.parse of the responses, off the clock; load ${r.loadAverage})\n`,
  )
process.stdout.write(`${JSON.stringify({ benchmark: 'forensics-ingest', target: 50_000, results })}\n`)
