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

/** Parameters of {@link serveWeb}. */
export type ServeWebParameters = {
  /** The built app (`index.html`, `assets/`). */
  root: string
  /** Turns the `index.html` template into the page to send (server-side rendering); the template on failure. */
  renderIndex?: (template: string) => Promise<string>
}

/**
 * Serves a built single-page app from `root`: files by path, anything else answered with `index.html` (passed
 * through `renderIndex` when given) so client-side routes load. Hashed `assets/` are immutable: cached for a
 * year by the browser, kept in memory here, and sent as their precompressed `.br` or `.gz` copy when the build
 * wrote one and the browser accepts it. Paths cannot escape `root`.
 *
 * @example
 * app.get('*', serveWeb({ root: '/repo/packages/web/dist/client' }))
 */
export function serveWeb({ root, renderIndex }: ServeWebParameters): Handler {
  const base = normalize(root).replace(/[/]+$/, '')
  const cache = new Map<string, Promise<Uint8Array<ArrayBuffer> | undefined>>()
  const read = (file: string) => {
    let body = cache.get(file)
    if (!body) {
      body = readFile(file).then(
        (b) => new Uint8Array(b),
        () => undefined,
      )
      // Only immutable assets stay cached: index.html changes with a rebuild.
      if (file.includes(`${sep}assets${sep}`)) cache.set(file, body)
    }
    return body
  }
  return async (c) => {
    const path = decodeURIComponent(new URL(c.req.url).pathname)
    let file = normalize(join(base, path))
    if (file !== base && !file.startsWith(base + sep)) file = join(base, 'index.html')
    const found = await stat(file).catch(() => undefined)
    if (!found?.isFile()) file = join(base, 'index.html')
    const type = TYPES[extname(file)] ?? 'application/octet-stream'
    if (!file.includes(`${sep}assets${sep}`)) {
      const template = await read(file)
      if (!template)
        return c.json({ error: { code: 'not-built', message: 'the dashboard is not built' } }, 404)
      const isIndex = file === join(base, 'index.html')
      const html =
        isIndex && renderIndex
          ? await renderIndex(new TextDecoder().decode(template)).catch(() => undefined)
          : undefined
      return c.body(html ?? template, 200, { 'Content-Type': type, 'Cache-Control': 'no-cache' })
    }
    const accepted = c.req.header('accept-encoding') ?? ''
    for (const [encoding, suffix] of [
      ['br', '.br'],
      ['gzip', '.gz'],
    ] as const) {
      if (!new RegExp(`\\b${encoding}\\b`).test(accepted)) continue
      const body = await read(file + suffix)
      if (body)
        return c.body(body, 200, {
          'Content-Type': type,
          'Content-Encoding': encoding,
          Vary: 'Accept-Encoding',
          'Cache-Control': 'public, max-age=31536000, immutable',
        })
    }
    const body = await read(file)
    if (!body) return c.json({ error: { code: 'not-found', message: 'no such asset' } }, 404)
    return c.body(body, 200, {
      'Content-Type': type,
      'Cache-Control': 'public, max-age=31536000, immutable',
    })
  }
}
