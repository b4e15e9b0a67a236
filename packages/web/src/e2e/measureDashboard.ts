import type { BrowserContext } from 'playwright-core'

/** Return type of {@link measureDashboard}: milliseconds per sample. */
export type DashboardTimings = {
  /**
   * First load with an empty browser cache (HTTP and code cache cleared before each sample), in the page's own
   * clock: navigation start until the log size is in the page and the next frame has been painted.
   */
  firstLoad: number[]
  /** The same loads until the app is interactive: its JavaScript ran and its live connection is open. */
  interactive: number[]
  /** The same loads as the test driver sees them: `page.goto` called until it found the log size (Playwright's own overhead included). */
  driver: number[]
  /** An entry's append acknowledged by the server (the event) until the page shows the new log size. */
  liveUpdate: number[]
}

// Runs in each page from its first byte: stamps (performance.now(), from navigation start) the frame after the log
// size first appears, and the moment the live indicator says 'live'.
const MARKS = `(() => {
  const marks = (window.__sextantMarks = {})
  const check = () => {
    if (marks.content === undefined && document.querySelector('[data-testid="log-size"]')) {
      marks.content = -1
      requestAnimationFrame(() => setTimeout(() => { marks.content = performance.now() }))
    }
    const live = document.querySelector('[data-testid="live-status"]')
    if (marks.live === undefined && live && /live/.test(live.textContent)) marks.live = performance.now()
  }
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true })
})()`

/**
 * Measures the dashboard in a real browser: cold first loads of the audit page (content visible, then
 * interactive), and live updates, each one an
 * entry appended through the log's token-gated `POST /audit/add` while a MutationObserver in the page
 * timestamps the moment the displayed size changes (same machine, same clock).
 *
 * @example
 * const timings = await measureDashboard(browser, { url: up.url, token: up.token, loads: 5, updates: 20 })
 */
export async function measureDashboard(
  browser: BrowserContext,
  { url, token, loads, updates }: { url: string; token: string; loads: number; updates: number },
): Promise<DashboardTimings> {
  const firstLoad: number[] = []
  const interactive: number[] = []
  const driver: number[] = []
  await browser.addInitScript(MARKS)
  for (let i = 0; i < loads; i++) {
    const page = await browser.newPage()
    const cdp = await browser.newCDPSession(page)
    await cdp.send('Network.clearBrowserCache')
    const t0 = Date.now()
    await page.goto(`${url}#/audit`, { waitUntil: 'commit' })
    await page.getByTestId('log-size').waitFor()
    driver.push(Date.now() - t0)
    await page.getByTestId('live-status').filter({ hasText: 'live' }).waitFor()
    await page.waitForFunction('window.__sextantMarks.content > 0 && window.__sextantMarks.live > 0')
    const marks = await page.evaluate<{ content: number; live: number }>('window.__sextantMarks')
    firstLoad.push(Math.round(marks.content))
    interactive.push(Math.round(marks.live))
    await page.close()
  }
  const page = await browser.newPage()
  await page.goto(`${url}#/audit`)
  await page.getByTestId('live-status').filter({ hasText: 'live' }).waitFor()
  const liveUpdate: number[] = []
  for (let i = 0; i < updates; i++) {
    const expected = String(Number(await page.getByTestId('log-size').textContent()) + 1)
    // Runs in the page (a string: this file is type-checked without the DOM library).
    const seen = page.evaluate<number>(`new Promise((resolve) => {
      const node = document.querySelector('[data-testid="log-size"]')
      const observer = new MutationObserver(() => {
        if (node.textContent === ${JSON.stringify(expected)}) {
          observer.disconnect()
          resolve(Date.now())
        }
      })
      observer.observe(node, { childList: true, characterData: true, subtree: true })
    })`)
    await page.waitForTimeout(30)
    const res = await fetch(new URL('audit/add', url), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: new TextEncoder().encode(`live update ${i} ${Date.now()}`),
    })
    if (!res.ok) throw new Error(`append failed: ${res.status}`)
    const event = Date.now()
    liveUpdate.push((await seen) - event)
    await page.waitForTimeout(50)
  }
  await page.close()
  return { firstLoad, interactive, driver, liveUpdate }
}
