import { fileURLToPath } from 'node:url'

/**
 * Where the dashboard lives: its Vite root (`packages/web`), its sources and its build output (`dist/client`,
 * what the server serves, and `dist/ssr`, the server-side renderer of the first page).
 *
 * @example
 * app.get('*', serveWeb({ root: webPaths.client }))
 */
export const webPaths = {
  root: fileURLToPath(new URL('../../', import.meta.url)),
  ui: fileURLToPath(new URL('../ui/', import.meta.url)),
  dist: fileURLToPath(new URL('../../dist/', import.meta.url)),
  client: fileURLToPath(new URL('../../dist/client/', import.meta.url)),
  ssrEntry: fileURLToPath(new URL('../../dist/ssr/renderDashboard.js', import.meta.url)),
  ssrSource: fileURLToPath(new URL('../ui/ssr/renderDashboard.tsx', import.meta.url)),
  index: fileURLToPath(new URL('../../index.html', import.meta.url)),
  browserSha256: fileURLToPath(new URL('../ui/crypto/sha256.ts', import.meta.url)),
}
