import { readdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { buildWeb } from './buildWeb.ts'
import { webPaths } from './webPaths.ts'

async function newest(dir: string): Promise<number> {
  let latest = 0
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    latest = Math.max(latest, entry.isDirectory() ? await newest(path) : (await stat(path)).mtimeMs)
  }
  return latest
}

/**
 * Builds the dashboard unless its build (`dist/ssr/renderDashboard.js`, written last) is newer than every source file (the UI, index.html and the
 * audit package's verification code it bundles). Used by `sextant up` and the browser tests, so a fresh clone
 * needs no separate build step. Resolves with the directory to serve (`dist/client`) and whether it was (re)built.
 *
 * @example
 * const { dist } = await ensureWebBuild()
 */
export async function ensureWebBuild(): Promise<{ dist: string; built: boolean }> {
  const built = await stat(webPaths.ssrEntry).then(
    (s) => s.mtimeMs,
    () => 0,
  )
  const sources = Math.max(
    await newest(webPaths.ui),
    (await stat(webPaths.index)).mtimeMs,
    await newest(join(webPaths.root, '..', 'audit', 'src')),
  )
  if (built > sources) return { dist: webPaths.client, built: false }
  const staging = `${webPaths.dist.replace(/[\\/]$/, '')}.build-${process.pid}`
  await buildWeb({ outDir: staging })
  await rm(webPaths.dist, { recursive: true, force: true })
  // Another process (a parallel test file) may have put its fresh build there first: keep that one.
  await rename(staging, webPaths.dist).catch(() => rm(staging, { recursive: true, force: true }))
  return { dist: webPaths.client, built: true }
}
