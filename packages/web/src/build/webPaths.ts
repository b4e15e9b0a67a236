import { fileURLToPath } from 'node:url'

/**
 * Where the dashboard lives: its Vite root (`packages/web`), its sources and its build output.
 *
 * @example
 * app.get('*', serveWeb({ root: webPaths.dist }))
 */
export const webPaths = {
  root: fileURLToPath(new URL('../../', import.meta.url)),
  ui: fileURLToPath(new URL('../ui/', import.meta.url)),
  dist: fileURLToPath(new URL('../../dist/', import.meta.url)),
  index: fileURLToPath(new URL('../../index.html', import.meta.url)),
  browserSha256: fileURLToPath(new URL('../ui/crypto/sha256.ts', import.meta.url)),
}
