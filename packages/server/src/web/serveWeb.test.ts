import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { serveWeb } from './serveWeb.ts'

const root = mkdtempSync(join(tmpdir(), 'sextant-web-'))
mkdirSync(join(root, 'assets'))
writeFileSync(join(root, 'index.html'), '<html>index</html>')
writeFileSync(join(root, 'assets', 'app-1.js'), 'console.log(1)')
writeFileSync(join(root, 'assets', 'app-1.js.br'), brotliCompressSync('console.log(1)'))
writeFileSync(join(root, 'assets', 'app-1.js.gz'), gzipSync('console.log(1)'))
writeFileSync(join(tmpdir(), 'sextant-secret.txt'), 'secret')
const app = new Hono().get('*', serveWeb({ root: `${root}/` }))

describe('serveWeb', () => {
  it('serves files with their type, hashed assets cached for a year', async () => {
    const res = await app.request('/assets/app-1.js')
    expect(res.headers.get('content-type')).toContain('text/javascript')
    expect(res.headers.get('cache-control')).toContain('immutable')
    expect(await res.text()).toBe('console.log(1)')
  })

  it('sends the precompressed copy the browser accepts, Brotli first', async () => {
    const br = await app.request('/assets/app-1.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } })
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(br.headers.get('vary')).toBe('Accept-Encoding')
    expect(brotliDecompressSync(new Uint8Array(await br.arrayBuffer())).toString()).toBe('console.log(1)')
    const gz = await app.request('/assets/app-1.js', { headers: { 'accept-encoding': 'gzip' } })
    expect(gz.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(new Uint8Array(await gz.arrayBuffer())).toString()).toBe('console.log(1)')
  })

  it('passes index.html through renderIndex, and falls back to the template when rendering fails', async () => {
    const rendered = new Hono().get(
      '*',
      serveWeb({ root, renderIndex: async (t) => t.replace('index', 'rendered') }),
    )
    expect(await (await rendered.request('/')).text()).toBe('<html>rendered</html>')
    expect(await (await rendered.request('/assets/app-1.js')).text()).toBe('console.log(1)')
    const failing = new Hono().get(
      '*',
      serveWeb({
        root,
        renderIndex: async () => {
          throw new TypeError('boom')
        },
      }),
    )
    expect(await (await failing.request('/')).text()).toBe('<html>index</html>')
  })

  it('answers client routes and unknown paths with index.html, never a file outside the root', async () => {
    expect(await (await app.request('/vault')).text()).toBe('<html>index</html>')
    expect(await (await app.request('/../sextant-secret.txt')).text()).toBe('<html>index</html>')
    expect(await (await app.request('/%2e%2e/sextant-secret.txt')).text()).toBe('<html>index</html>')
  })
})
