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
      const [paid, redirected] = await first.runSession()
      expect(paid).toMatchObject({ decision: 'allow' })
      expect(redirected).toMatchObject({ decision: 'deny', rule: 'policy.RecipientNotAllowed' })
      // The allowed payment really left the agent's Safe through the guard module.
      const overview = (await (await fetch(new URL('api/vault/overview', first.url))).json()) as {
        vaults: { address: `0x${string}`; windows: { used: string }[] }[]
      }
      const safe = overview.vaults[0]!.address
      expect(readUpState(dataDir)?.vault?.safe).toBe(safe)
      expect(overview.vaults[0]!.windows[0]!.used).toBe('0.1')
      expect(paid).toMatchObject({ txHash: expect.stringMatching(/^0x/) })
      expect(await first.anchorNow()).toBe(5)
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
      expect(html).toContain('<div id="root">')
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
      await second.runSession()
      expect(await second.logSize()).toBe(firstSize + 5)
      // The anchor kept on the resumed chain is extended, with a consistency proof, not restarted.
      expect(await second.anchorNow()).toBe(firstSize + 5)
      const anchors = (await (await fetch(new URL('api/audit/anchors', second.url))).json()) as {
        anchors: { size: number }[]
      }
      expect(anchors.anchors.map((a) => a.size)).toEqual([firstSize + 5, firstSize])
    } finally {
      await second.close()
    }
  }, 180_000)
})
