import { dirname, join } from 'node:path'
import react from '@vitejs/plugin-react'
import { build, type Plugin } from 'vite'
import { webPaths } from './webPaths.ts'

/**
 * Points the audit package's `tree/sha256.ts` (node:crypto) at the @noble/hashes version for the browser, so
 * the page verifies proofs with the very code the server uses.
 */
function browserSha256(): Plugin {
  return {
    name: 'sextant-browser-sha256',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !/sha256(\.ts)?$/.test(source)) return null
      const target = join(dirname(importer), source)
      return /[\\/]audit[\\/]src[\\/]tree[\\/]sha256(\.ts)?$/.test(target) ? webPaths.browserSha256 : null
    },
  }
}

/**
 * Builds the dashboard with Vite into `packages/web/dist` (what the server serves). Resolves with the output
 * directory.
 *
 * @example
 * await buildWeb()
 */
export async function buildWeb({
  outDir = webPaths.dist,
  quiet = true,
}: {
  outDir?: string
  quiet?: boolean
} = {}) {
  await build({
    root: webPaths.root,
    configFile: false,
    logLevel: quiet ? 'warn' : 'info',
    plugins: [browserSha256(), react()],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 2000,
      reportCompressedSize: false,
    },
  })
  return outDir
}
