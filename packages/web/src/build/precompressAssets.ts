import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'

const brotli = promisify(brotliCompress)
const gz = promisify(gzip)

/**
 * Writes a Brotli (`.br`, quality 11) and a gzip (`.gz`, level 9) copy next to every text asset of a build, so
 * the server sends compressed bytes without compressing per request.
 *
 * @example
 * await precompressAssets('/repo/packages/web/dist/client/assets')
 */
export async function precompressAssets(dir: string): Promise<number> {
  let count = 0
  for (const name of await readdir(dir)) {
    if (!/\.(js|css|svg|html|json)$/.test(name)) continue
    const body = await readFile(join(dir, name))
    const [br, gzipped] = await Promise.all([
      brotli(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }),
      gz(body, { level: 9 }),
    ])
    await Promise.all([writeFile(join(dir, `${name}.br`), br), writeFile(join(dir, `${name}.gz`), gzipped)])
    count++
  }
  return count
}
