// The dashboard in Chromium (playwright-core, /usr/bin/chromium): first load of the audit page with an empty
// browser cache (navigation to log size painted; and to the app interactive with its live connection open) and live-update latency (append acknowledged → new size on the page) on loopback, against
// a full `sextant up` (chain, contracts, audit log, agent world). Targets: first load < 1 s, live update < 500 ms.
// Usage: node --import tsx bench/dashboard.ts   (LOADS, UPDATES env to change)
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { runUp } from '../packages/cli/src/commands/up/runUp.ts'
import { measureDashboard } from '../packages/web/src/e2e/measureDashboard.ts'
import { openBrowser } from '../packages/web/src/e2e/openBrowser.ts'

const loads = Number(process.env.LOADS ?? 10)
const updates = Number(process.env.UPDATES ?? 30)
const dataDir = mkdtempSync(join(tmpdir(), 'sextant-bench-dashboard-'))
const up = await runUp({ dataDir, port: 0, sessionEveryMs: 0 })
const browser = await openBrowser()
try {
  for (let i = 0; i < 3; i++) await up.runSession()
  const t = await measureDashboard(browser, { url: up.url, token: up.token, loads, updates })
  const pct = (xs: number[], p: number) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!
  const result = {
    benchmark: 'dashboard',
    firstLoadMs: {
      p50: pct(t.firstLoad, 0.5),
      p95: pct(t.firstLoad, 0.95),
      max: Math.max(...t.firstLoad),
      samples: loads,
    },
    interactiveMs: {
      p50: pct(t.interactive, 0.5),
      p95: pct(t.interactive, 0.95),
      max: Math.max(...t.interactive),
    },
    driverMs: { p50: pct(t.driver, 0.5), p95: pct(t.driver, 0.95), max: Math.max(...t.driver) },
    loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
    liveUpdateMs: {
      p50: pct(t.liveUpdate, 0.5),
      p95: pct(t.liveUpdate, 0.95),
      max: Math.max(...t.liveUpdate),
      samples: updates,
    },
    targets: { firstLoadMs: 1000, liveUpdateMs: 500 },
  }
  console.log(
    `first load (cold cache, content visible): p50 ${result.firstLoadMs.p50} ms, p95 ${result.firstLoadMs.p95} ms, max ${result.firstLoadMs.max} ms`,
  )
  console.log(
    `interactive (app running, live): p50 ${result.interactiveMs.p50} ms, p95 ${result.interactiveMs.p95} ms, max ${result.interactiveMs.max} ms`,
  )
  console.log(
    `as the driver sees it (Playwright overhead included): p50 ${result.driverMs.p50} ms, p95 ${result.driverMs.p95} ms, max ${result.driverMs.max} ms`,
  )
  console.log(`load average: ${result.loadAverage.join(', ')}`)
  console.log(
    `live update: p50 ${result.liveUpdateMs.p50} ms, p95 ${result.liveUpdateMs.p95} ms, max ${result.liveUpdateMs.max} ms`,
  )
  console.log(JSON.stringify(result))
} finally {
  await browser.dispose()
  await up.close()
  rmSync(dataDir, { recursive: true, force: true })
}
