import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { serveWeb } from './serveWeb.ts'

const root = mkdtempSync(join(tmpdir(), 'sextant-web-'))
mkdirSync(join(root, 'assets'))
writeFileSync(join(root, 'index.html'), '<html>index</html>')
writeFileSync(join(root, 'assets', 'app-1.js'), 'console.log(1)')
writeFileSync(join(tmpdir(), 'sextant-secret.txt'), 'secret')
const app = new Hono().get('*', serveWeb({ root: `${root}/` }))

describe('serveWeb', () => {
  it('serves files with their type, hashed assets cached for a year', async () => {
    const res = await app.request('/assets/app-1.js')
    expect(res.headers.get('content-type')).toContain('text/javascript')
    expect(res.headers.get('cache-control')).toContain('immutable')
    expect(await res.text()).toBe('console.log(1)')
  })

  it('answers client routes and unknown paths with index.html, never a file outside the root', async () => {
    expect(await (await app.request('/vault')).text()).toBe('<html>index</html>')
    expect(await (await app.request('/../sextant-secret.txt')).text()).toBe('<html>index</html>')
    expect(await (await app.request('/%2e%2e/sextant-secret.txt')).text()).toBe('<html>index</html>')
  })
})
