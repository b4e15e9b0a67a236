import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runUp, type UpHandle } from '@sextant/cli/commands/up/runUp'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserAvailable, openBrowser } from './openBrowser.ts'

// Screenshots go to docs/screenshots with SEXTANT_SCREENSHOTS=1, else to a temp dir.
const shots = process.env.SEXTANT_SCREENSHOTS
  ? fileURLToPath(new URL('../../../../docs/screenshots/', import.meta.url))
  : mkdtempSync(join(tmpdir(), 'sextant-shots-'))

describe.runIf(browserAvailable())('the dashboard in a real browser (Chromium)', () => {
  let up: UpHandle
  let browser: Awaited<ReturnType<typeof openBrowser>>
  let page: Page
  const dataDir = mkdtempSync(join(tmpdir(), 'sextant-up-e2e-'))

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true })
    up = await runUp({ dataDir, port: 0, sessionEveryMs: 0, marketEveryMs: 0, anchorEveryMs: 1000 })
    for (let i = 0; i < 3; i++) await up.runSession()
    await up.nextLaunch()
    await up.anchorNow()
    browser = await openBrowser()
    page = await browser.newPage()
    await page.goto(up.dashboardUrl)
  }, 180_000)
  afterAll(async () => {
    await browser?.dispose()
    await up?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('opens the audit page: log size, anchors, live connection', async () => {
    await page.getByTestId('live-status').filter({ hasText: 'live' }).waitFor()
    const size = await up.logSize()
    await expect.poll(() => page.getByTestId('log-size').textContent()).toBe(String(size))
    await page.getByTestId('anchors').locator('tbody tr').first().waitFor()
    await page.screenshot({ path: join(shots, 'audit.png'), fullPage: true })
  })

  it('verifies an inclusion proof in the browser, and rejects a tampered one', async () => {
    await page.getByTestId('entry-index').fill('2')
    await page.getByTestId('entry-lookup').click()
    await expect
      .poll(() => page.getByTestId('proof-verified').textContent())
      .toContain('VERIFIED IN THIS BROWSER')
    await page.locator('#inspector').screenshot({ path: join(shots, 'audit-proof.png') })
    // A server that lies (entry 3's bytes served with entry 4's receipt) must be caught by the page.
    await page.route('**/api/audit/entries/4', async (route) => {
      const real = await (await route.fetch()).json()
      const other = await (await page.request.get(new URL('api/audit/entries/3', up.url).toString())).json()
      await route.fulfill({ json: { ...real, entry: other.entry } })
    })
    await page.getByTestId('entry-index').fill('4')
    await page.getByTestId('entry-lookup').click()
    await expect.poll(() => page.getByTestId('proof-failed').textContent()).toContain('verification failed')
    await page.unroute('**/api/audit/entries/4')
    await page.getByTestId('entry-index').fill('2')
    await page.getByTestId('entry-lookup').click()
    await page.getByTestId('proof-verified').waitFor()
  })

  it('discloses a private field and verifies it against the entry', async () => {
    const box = page.locator('label.check').first()
    await box.locator('input').check()
    await page.getByTestId('disclose').click()
    await expect.poll(() => page.getByTestId('revealed').textContent()).toMatch(/gen_ai|sextant/)
  })

  it('approves a pending payment from the vault page', async () => {
    await page.getByTestId('nav-vault').click()
    const approve = page.getByTestId('approve').first()
    await approve.waitFor()
    await page.screenshot({ path: join(shots, 'vault.png'), fullPage: true })
    const id = await page.locator('[data-approval]').first().getAttribute('data-approval')
    await approve.click()
    await expect.poll(() => page.getByTestId('approval-message').textContent()).toContain(`approved ${id}`)
    await expect.poll(() => page.getByTestId('decided').textContent()).toContain(id!)
    await page.getByTestId('denied').waitFor()
  })

  it('shows agent sessions and replays one against the log', async () => {
    await page.getByTestId('nav-agent').click()
    await page.getByTestId('sessions').waitFor()
    // The newest session (run-3, a 0.9 ETH invoice) as the agent runtime logged it: model calls, the registry
    // lookup, the payment held for the owner's co-signature, the web page, the injected payment refused.
    await page.getByTestId('sessions').locator('tr', { hasText: 'run-3' }).click()
    const timeline = page.getByTestId('timeline')
    await timeline.locator('li.payment.approval').waitFor()
    // The payment approved on the vault page (run-3's held one) is in this session, not a session of its own.
    expect(await page.getByTestId('sessions').locator('tbody tr').allTextContents()).not.toContainEqual(
      expect.stringContaining('dashboard'),
    )
    expect(await timeline.locator('li.chat').count()).toBe(5)
    expect(await timeline.locator('li.execute_tool code').allTextContents()).toEqual([
      'vendor_registry_lookup',
      'vault_transfer',
      'web_fetch',
      'vault_transfer',
    ])
    // request → held → (the owner's co-signature on the vault page) → executed, all in the session's timeline.
    expect(await timeline.locator('li.payment .badge').allTextContents()).toEqual([
      'approval',
      'deny',
      'allow',
    ])
    await expect
      .poll(() => timeline.locator('li.payment.allow').getByTestId('approved-by').textContent())
      .toMatch(/^approved by owner 0x[0-9a-fA-F]{40} \(request #\d+\), then executed$/)
    await expect
      .poll(() => timeline.locator('li.payment.deny').textContent())
      .toContain('policy.RecipientNotAllowed')
    await page.getByTestId('replay').click()
    await expect
      .poll(() => page.getByTestId('replay-status').textContent(), { timeout: 20_000 })
      .toMatch(/^(\d+) \/ \1 steps verified/)
    await page.screenshot({ path: join(shots, 'agent.png'), fullPage: true })
  })

  it('opens another page directly: the server-rendered audit page gives way to it', async () => {
    const direct = await browser.newPage()
    await direct.goto(`${up.url}#/vault`)
    await direct.getByTestId('nav-vault').and(direct.locator('.active')).waitFor()
    await direct.getByTestId('denied').waitFor()
    expect(await direct.getByTestId('log-size').count()).toBe(0)
    await direct.close()
  })

  it('shows launches with risk scores and opens a token page', async () => {
    await page.getByTestId('nav-forensics').click()
    const row = page.getByTestId('launches').locator('tbody tr').first()
    await row.waitFor()
    await page.screenshot({ path: join(shots, 'forensics.png'), fullPage: true })
    const token = await row.getAttribute('data-token')
    await row.click()
    await page.getByTestId('token-page').waitFor()
    expect(page.url()).toContain(`#/forensics/token/${token}`)
    await page.locator('svg[aria-label="share of supply by group over time"] polyline').first().waitFor()
    expect(
      await page.locator('svg[aria-label="bubble map of wallet clusters"] circle').count(),
    ).toBeGreaterThan(5)
    await page.getByTestId('signals').waitFor()
    await page.screenshot({ path: join(shots, 'forensics-token.png'), fullPage: true })
  })
})
