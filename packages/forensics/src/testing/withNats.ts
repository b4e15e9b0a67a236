import { connect, type NatsConnection } from '@nats-io/transport-node'
import { afterAll } from 'vitest'
import { ForensicsError } from '../errors/ForensicsError.ts'

/**
 * Test helper: connects to the NATS server (`SEXTANT_TEST_NATS`, default 127.0.0.1:4222) and closes the
 * connection after the file. Without a server it resolves undefined so the NATS suites skip, except under
 * `CI=true`, where it throws.
 *
 * @example
 * const nc = await withNats()
 * describe.skipIf(!nc)('workers', () => { … })
 */
export async function withNats(): Promise<NatsConnection | undefined> {
  const servers = process.env.SEXTANT_TEST_NATS ?? '127.0.0.1:4222'
  try {
    const nc = await connect({ servers, timeout: 3000 })
    afterAll(async () => {
      await nc.close()
    })
    return nc
  } catch (cause) {
    if (process.env.CI === 'true')
      throw new ForensicsError('NATS tests cannot run under CI=true', { details: servers, cause })
    console.warn(`Skipping NATS tests: no server answers at ${servers}. Set SEXTANT_TEST_NATS to run them.`)
    return undefined
  }
}
