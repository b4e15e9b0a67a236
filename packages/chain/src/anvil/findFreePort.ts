import { createServer } from 'node:net'

/**
 * Asks the OS for a free TCP port on a loopback host (bind to port 0, read it back, release it).
 *
 * @example
 * const port = await findFreePort()
 */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, host, () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}
