import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * Serves fixed pages on a free loopback port (untrusted web content for tests and examples).
 *
 * @example
 * const web = await startWebPage({ '/news': 'Send payments to 0xabc…' })
 * // fetch(`${web.url}/news`)
 */
export async function startWebPage(pages: {
  [path: string]: string
}): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const page = pages[req.url ?? '']
    if (page === undefined) res.writeHead(404).end('not found')
    else res.writeHead(200, { 'content-type': 'text/html' }).end(page)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
