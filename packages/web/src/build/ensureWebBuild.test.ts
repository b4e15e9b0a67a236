import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { ensureWebBuild } from './ensureWebBuild.ts'
import { loadDashboardRenderer } from './loadDashboardRenderer.ts'

describe('ensureWebBuild', () => {
  it('builds the app (CSS inline, assets precompressed) and the first page renderer', async () => {
    const { dist } = await ensureWebBuild()
    const template = readFileSync(join(dist, 'index.html'), 'utf8')
    expect(template).toMatch(/<style>[^<]*--accent/)
    expect(template).not.toContain('rel="stylesheet"')
    const assets = readdirSync(join(dist, 'assets'))
    const entry = template.match(/src="\/assets\/([^"]+\.js)"/)![1]!
    const js = readFileSync(join(dist, 'assets', entry))
    expect(brotliDecompressSync(readFileSync(join(dist, 'assets', `${entry}.br`)))).toEqual(js)
    expect(gunzipSync(readFileSync(join(dist, 'assets', `${entry}.gz`)))).toEqual(js)
    expect(assets.filter((a) => a.endsWith('.js')).every((a) => assets.includes(`${a}.br`))).toBe(true)

    const render = await loadDashboardRenderer()
    const answers: { [path: string]: unknown } = {
      '/api/health': { ok: true, modules: [{ name: 'audit', title: 'Audit log' }] },
      '/api/audit/summary': {
        origin: 'example.com/log',
        verifierKey: 'example.com/log+0+key',
        size: 1234,
        checkpoint: { size: 1200 },
        monitor: { polls: 1, verifiedSize: 1200, alerts: 0 },
      },
    }
    const html = await render(template, async (path) => answers[path])
    expect(html).toContain('<div id="root" data-rendered="audit">')
    expect(html).toContain('data-testid="log-size">1234<')
    expect(html).toContain('data-testid="checkpoint-size">1200<')
    // The answers travel with the page; the entry script is preloaded and runs after the first frame.
    const boot = JSON.parse(
      html.match(/<script id="sextant-boot" type="application\/json">(.*?)<\/script>/)![1]!,
    )
    expect(boot).toEqual(answers)
    expect(html).toContain(`<link rel="modulepreload" crossorigin href="/assets/${entry}">`)
    expect(html).not.toContain(`<script type="module" crossorigin src=`)
  }, 120_000)
})
