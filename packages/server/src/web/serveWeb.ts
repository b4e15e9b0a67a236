import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import type { Handler } from 'hono'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
}

/**
 * Serves a built single-page app from `root`: files by path (hashed `assets/` cached for a year), anything
 * else answered with `index.html` so client-side routes load. Paths cannot escape `root`.
 *
 * @example
 * app.get('*', serveWeb({ root: '/repo/packages/web/dist' }))
 */
export function serveWeb({ root }: { root: string }): Handler {
  const base = normalize(root).replace(/[/]+$/, '')
  return async (c) => {
    const path = decodeURIComponent(new URL(c.req.url).pathname)
    let file = normalize(join(base, path))
    if (file !== base && !file.startsWith(base + sep)) file = join(base, 'index.html')
    const found = await stat(file).catch(() => undefined)
    if (!found?.isFile()) file = join(base, 'index.html')
    const body = await readFile(file).catch(() => undefined)
    if (!body) return c.json({ error: { code: 'not-built', message: 'the dashboard is not built' } }, 404)
    const immutable = file.includes(`${sep}assets${sep}`)
    return c.body(new Uint8Array(body), 200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    })
  }
}
