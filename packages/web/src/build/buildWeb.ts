import { dirname, join } from 'node:path'
import react from '@vitejs/plugin-react'
import { build, type Plugin } from 'vite'
import { inlineStylesheet } from './inlineStylesheet.ts'
import { precompressAssets } from './precompressAssets.ts'
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
 * Builds the dashboard with Vite: the browser app into `<outDir>/client` (its CSS inline in `index.html`,
 * hashed assets each with a Brotli and a gzip copy) and the first page's server-side renderer into `<outDir>/ssr`. Resolves with the output directory.
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
  const common = {
    root: webPaths.root,
    configFile: false as const,
    logLevel: quiet ? ('warn' as const) : ('info' as const),
    plugins: [browserSha256(), react()],
  }
  await build({
    ...common,
    build: {
      outDir: join(outDir, 'client'),
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 2000,
      reportCompressedSize: false,
    },
  })
  await inlineStylesheet(join(outDir, 'client'))
  await precompressAssets(join(outDir, 'client', 'assets'))
  await build({
    ...common,
    build: {
      outDir: join(outDir, 'ssr'),
      emptyOutDir: true,
      target: 'node20',
      ssr: webPaths.ssrSource,
      rollupOptions: { output: { entryFileNames: 'renderDashboard.js' } },
    },
  })
  return outDir
}
