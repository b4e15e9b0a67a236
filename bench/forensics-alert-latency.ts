// Alert latency on the local chain: from the moment the block holding the triggering event is mined to the moment
// the alert leaves the monitor. A simulated market (hard rug, cabal pump-and-dump, slow rug) is played on anvil by
// runMarket; the EVM ingester follows the chain (poll 50 ms) and hands each commit's new events to the alert monitor.
// Block time = when evm_mine returned (wall clock, same process); alert time = Alert.emittedAt.
// Run: node --import tsx bench/forensics-alert-latency.ts   (SEEDS, default "1000,1001")
import { loadavg } from 'node:os'
import { connectChain } from '@sextant/chain/clients/connectChain'
import type { Alert } from '../packages/forensics/src/alerts/Alert.ts'
import { createAlertMonitor } from '../packages/forensics/src/alerts/createAlertMonitor.ts'
import { createEvmIngester } from '../packages/forensics/src/evm/createEvmIngester.ts'
import type { Scenario } from '../packages/forensics/src/sim/MarketPlan.ts'
import { planMarket } from '../packages/forensics/src/sim/planMarket.ts'
import { runMarket } from '../packages/forensics/src/sim/runMarket.ts'
import { openSqliteEventStore } from '../packages/forensics/src/store/openSqliteEventStore.ts'

const seeds = (process.env.SEEDS ?? '1000,1001').split(',').map(Number)
const scenarios: Scenario[] = ['hard-rug', 'cabal', 'slow-rug']
const alertLatencies: number[] = []
const eventLatencies: number[] = []
const alerts: { scenario: string; seed: number; kind: string; ms: number }[] = []

for (const seed of seeds) {
  for (const scenario of scenarios) {
    const plan = planMarket({ seed, scenario })
    const chain = await connectChain()
    const store = await openSqliteEventStore({ path: ':memory:' })
    const minedAt = new Map<number, number>()
    const original = chain.publicClient
    let height = Number(await original.getBlockNumber())
    const publicClient = new Proxy(original, {
      get(target, key, receiver) {
        if (key !== 'request') return Reflect.get(target, key, receiver)
        return async (args: { method: string; params?: unknown[] }) => {
          const result = await (target.request as (a: typeof args) => Promise<unknown>)(args)
          if (args.method === 'evm_mine') minedAt.set(++height, Date.now())
          if (args.method === 'anvil_mine') height = Number(await target.getBlockNumber())
          return result
        }
      },
    })
    const running = runMarket({ publicClient, walletClient: chain.walletClient }, plan)
    // The ingester needs the launchpad deployed (it reads WETH and the factory from it).
    while (!(await original.getCode({ address: plan.deployment.launchpad })))
      await new Promise((r) => setTimeout(r, 20))
    const monitor = createAlertMonitor()
    const startBlock = Number(await original.getBlockNumber()) + 1
    const ingester = await createEvmIngester({
      publicClient: original,
      store,
      launchpad: plan.deployment.launchpad,
      fromBlock: startBlock,
      onEvents: (events) => {
        // One commit's events in chain order (funding before the trades it paid for), as watch's queue does.
        const ordered = [...events].sort(
          (a, b) => a.block - b.block || a.txIndex - b.txIndex || a.logIndex - b.logIndex,
        )
        for (const event of ordered) {
          const raised: Alert[] = monitor.push(event)
          const now = Date.now()
          const mined = minedAt.get(event.block)
          if (mined !== undefined) eventLatencies.push(now - mined)
          for (const alert of raised) {
            const at = minedAt.get(alert.block)
            if (at === undefined) continue
            alertLatencies.push(alert.emittedAt - at)
            alerts.push({ scenario, seed, kind: alert.kind, ms: alert.emittedAt - at })
          }
        }
      },
    })
    const live = ingester.follow({ pollMs: 50 })
    await running
    await new Promise((r) => setTimeout(r, 500))
    await live.stop()
    await store.close()
    await chain.close()
    process.stderr.write(
      `${scenario} seed ${seed}: ${alerts.filter((a) => a.seed === seed && a.scenario === scenario).length} alerts\n`,
    )
  }
}

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
}
const summary = {
  markets: seeds.length * scenarios.length,
  alerts: alertLatencies.length,
  alertMs: { p50: pct(alertLatencies, 50), p99: pct(alertLatencies, 99), max: Math.max(...alertLatencies) },
  events: eventLatencies.length,
  eventMs: { p50: pct(eventLatencies, 50), p99: pct(eventLatencies, 99), max: Math.max(...eventLatencies) },
  pollMs: 50,
  load: loadavg()[0] ?? 0,
}
process.stdout.write(
  `alert latency (block mined → alert emitted) over ${summary.alerts} alerts in ${summary.markets} markets: ` +
    `p50 ${summary.alertMs.p50} ms, p99 ${summary.alertMs.p99} ms, max ${summary.alertMs.max} ms\n` +
    `every event (block mined → processed by the monitor), ${summary.events} events: p50 ${summary.eventMs.p50} ms, ` +
    `p99 ${summary.eventMs.p99} ms, max ${summary.eventMs.max} ms; load ${summary.load.toFixed(1)}\n` +
    `${JSON.stringify(summary)}\n`,
)
