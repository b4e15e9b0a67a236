import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runUp } from './runUp.ts'
import { readUpState } from './upState.ts'

const dataDir = mkdtempSync(join(tmpdir(), 'sextant-up-test-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

describe('sextant up (runUp)', () => {
  it('brings the platform up on loopback, runs the demo world, and resumes from its data dir', async () => {
    const first = await runUp({
      dataDir,
      port: 0,
      sessionEveryMs: 0,
      marketEveryMs: 0,
      anchorEveryMs: 60_000,
    })
    let firstSize: number
    let firstVault: string
    try {
      expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
      expect(first.resumed).toBe(false)
      expect(Object.keys(first.contracts).sort()).toEqual([
        'checkpointAnchor',
        'launchpad',
        'uniswapV2Factory',
        'weth',
      ])
      // The agent runtime ran the session: registry lookup, payment, web page, injected payment refused.
      const session = await first.runSession()
      expect(session).toMatchObject({ sessionId: 'run-1', status: 'done', steps: 5 })
      const [paid, redirected] = session.payments
      expect(paid).toMatchObject({ decision: 'allow', provenance: { to: 'tool', amount: 'user' } })
      expect(redirected).toMatchObject({
        decision: 'deny',
        rule: 'policy.RecipientNotAllowed',
        provenance: { to: 'untrusted' },
      })
      const listed = (await (await fetch(new URL('api/agent/sessions', first.url))).json()) as {
        sessions: { id: string; agent: string }[]
      }
      expect(listed.sessions).toEqual([expect.objectContaining({ id: 'run-1', agent: 'treasury-agent' })])
      // The allowed payment really left the agent's Safe through the guard module.
      const overview = (await (await fetch(new URL('api/vault/overview', first.url))).json()) as {
        vaults: { address: `0x${string}`; windows: { used: string }[] }[]
      }
      const safe = overview.vaults[0]!.address
      expect(readUpState(dataDir)?.vault?.safe).toBe(safe)
      expect(overview.vaults[0]!.windows[0]!.used).toBe('0.1')
      expect(paid).toMatchObject({ txHash: expect.stringMatching(/^0x/) })
      expect(await first.anchorNow()).toBe(await first.logSize())
      const health = (await (await fetch(new URL('api/health', first.url))).json()) as {
        modules: { name: string }[]
      }
      expect(health.modules.map((m) => m.name)).toEqual(
        expect.arrayContaining(['audit', 'agent', 'vault', 'forensics']),
      )
      const token = await first.nextLaunch()
      const launches = (await (await fetch(new URL('api/forensics/launches', first.url))).json()) as {
        launches: { token: string; risk: number }[]
      }
      expect(launches.launches.map((l) => l.token)).toEqual([token])
      expect(launches.launches[0]!.risk).toBeGreaterThanOrEqual(0)
      const html = await (await fetch(first.url)).text()
      // The first page comes rendered on the server, with the log's current size.
      expect(html).toContain('<div id="root" data-rendered="audit">')
      expect(html).toContain(`data-testid="log-size">${await first.logSize()}<`)
      const denied = await fetch(new URL('api/audit/entries/0/erase', first.url), { method: 'POST' })
      expect(denied.status).toBe(401)
      firstSize = await first.logSize()
      firstVault = safe
    } finally {
      await first.close()
    }
    expect(statSync(join(dataDir, 'state.json')).mode & 0o777).toBe(0o600)

    const second = await runUp({
      dataDir,
      port: 0,
      sessionEveryMs: 0,
      marketEveryMs: 0,
      anchorEveryMs: 60_000,
    })
    try {
      expect(second.resumed).toBe(true)
      expect(second.log.origin).toBe(first.log.origin)
      expect(second.contracts).toEqual(first.contracts)
      expect(readUpState(dataDir)?.vault?.safe).toBe(firstVault)
      expect(await second.logSize()).toBe(firstSize)
      // The market resumes too: the launch of the first run is still there, ingested once.
      const again = (await (await fetch(new URL('api/forensics/launches', second.url))).json()) as {
        launches: unknown[]
      }
      expect(again.launches).toHaveLength(1)
      // Session numbering resumes; the second invoice (0.25 ETH) is paid, the injected address refused again.
      const next = await second.runSession()
      expect(next.sessionId).toBe('run-2')
      expect(next.payments.map((p) => p.decision)).toEqual(['allow', 'deny'])
      const grown = await second.logSize()
      expect(grown).toBeGreaterThan(firstSize)
      // The anchor kept on the resumed chain is extended, with a consistency proof, not restarted.
      expect(await second.anchorNow()).toBe(grown)
      const anchors = (await (await fetch(new URL('api/audit/anchors', second.url))).json()) as {
        anchors: { size: number }[]
      }
      expect(anchors.anchors.map((a) => a.size)).toEqual([grown, firstSize])
    } finally {
      await second.close()
    }
  }, 180_000)
})
