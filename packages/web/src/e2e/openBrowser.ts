import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type BrowserContext, chromium } from 'playwright-core'

/** Debian's Chromium, which the browser tests drive (`apt-get install -y chromium`). */
export const CHROMIUM = '/usr/bin/chromium'

/**
 * Whether the browser tests can run: true with Chromium installed; false (skip, with a message) without it,
 * except in CI (`CI=true`), where a missing browser is an error.
 *
 * @example
 * describe.runIf(browserAvailable())('dashboard', () => { … })
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true
  if (process.env.CI === 'true') {
    throw new Error(`${CHROMIUM} is missing: CI must run \`apt-get install -y chromium\` before the tests`)
  }
  console.warn(`skipping the browser tests: ${CHROMIUM} is missing (apt-get install -y chromium)`)
  return false
}

/**
 * Starts headless Chromium with a fresh profile (deleted on close) and the flags that keep it offline and quiet.
 *
 * @example
 * const browser = await openBrowser()
 * const page = await browser.newPage()
 */
export async function openBrowser(): Promise<BrowserContext & { dispose(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'sextant-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  return Object.assign(context, {
    async dispose() {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  })
}
