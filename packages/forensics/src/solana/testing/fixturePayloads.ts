import { hex } from '@scure/base'
import { decodeBase64 } from '../decodeBase64.ts'
import { parseLogStack } from '../parseLogStack.ts'
import { PUMPFUN_EVENTS, PUMPFUN_PROGRAM_ID } from '../pumpfunLayouts.ts'
import { readPumpfunFixture } from './fixtures.ts'

/**
 * Payloads (discriminator removed) of one pump.fun event type in a fixture's logs, in order.
 *
 * @example
 * const [trade] = fixtureEventPayloads('create-366-4SUHkAKc.json', 'TradeEvent') // 366 bytes
 */
export function fixtureEventPayloads(name: string, event: keyof typeof PUMPFUN_EVENTS): Uint8Array[] {
  const value = JSON.parse(readPumpfunFixture(name))
  const { data } = parseLogStack((value.result ?? value).meta.logMessages)
  const want = hex.encode(PUMPFUN_EVENTS[event])
  return data
    .filter((line) => line.programId === PUMPFUN_PROGRAM_ID)
    .map((line) => decodeBase64(line.fields[0], 'Program data'))
    .filter((bytes) => hex.encode(bytes.subarray(0, 8)) === want)
    .map((bytes) => bytes.slice(8))
}
