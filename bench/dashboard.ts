// The dashboard in Chromium (playwright-core, /usr/bin/chromium): first load of the audit page (navigation to
// log size rendered) and live-update latency (append acknowledged → new size on the page) on loopback, against
// a full `sextant up` (chain, contracts, audit log, agent world). Targets: first load < 1 s, live update < 500 ms.
// Usage: node --import tsx bench/dashboard.ts   (LOADS, UPDATES env to change)
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
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
      cold: t.firstLoad[0],
      p50: pct(t.firstLoad, 0.5),
      max: Math.max(...t.firstLoad),
      samples: loads,
    },
    liveUpdateMs: {
      p50: pct(t.liveUpdate, 0.5),
      p95: pct(t.liveUpdate, 0.95),
      max: Math.max(...t.liveUpdate),
      samples: updates,
    },
    targets: { firstLoadMs: 1000, liveUpdateMs: 500 },
  }
  console.log(
    `first load: cold ${result.firstLoadMs.cold} ms, p50 ${result.firstLoadMs.p50} ms, max ${result.firstLoadMs.max} ms`,
  )
  console.log(
    `live update: p50 ${result.liveUpdateMs.p50} ms, p95 ${result.liveUpdateMs.p95} ms, max ${result.liveUpdateMs.max} ms`,
  )
  console.log(JSON.stringify(result))
} finally {
  await browser.dispose()
  await up.close()
  rmSync(dataDir, { recursive: true, force: true })
}
