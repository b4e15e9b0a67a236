import { InvalidEventError } from '../errors/AnalysisError.ts'
import type { MarketEvent } from '../model/MarketEvent.ts'

const KINDS = new Set(['launch', 'trade', 'transfer', 'funding', 'complete', 'liquidity'])

/**
 * Checks an event's shape before it touches any state: known kind, integer position, non-negative bigint
 * amounts, non-empty addresses. Throws {@link InvalidEventError} naming the first bad field.
 *
 * @example
 * validateEvent(event) // throws on { kind: 'trade', tokenAmount: -1n, … }
 */
export function validateEvent(event: MarketEvent): void {
  const e = event as unknown as Record<string, unknown>
  const fail = (field: string, why: string): never => {
    throw new InvalidEventError('invalid event', {
      details: `${String(e.kind)} ${String(e.tx)}:${String(e.logIndex)}: ${field} ${why}`,
    })
  }
  if (typeof e !== 'object' || e === null) fail('event', 'is not an object')
  if (!KINDS.has(e.kind as string)) fail('kind', `is not one of ${[...KINDS].join(', ')}`)
  for (const field of ['chain', 'tx'])
    if (typeof e[field] !== 'string' || e[field] === '') fail(field, 'is missing')
  for (const field of ['block', 'timestamp', 'txIndex', 'logIndex']) {
    const v = e[field]
    // A native funding transfer is a whole transaction, not a log: its log index is -1.
    const min = field === 'logIndex' && e.kind === 'funding' ? -1 : 0
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min)
      fail(field, `is not an integer >= ${min}`)
  }
  const addresses: Record<string, string[]> = {
    launch: ['token', 'creator'],
    trade: ['token', 'trader'],
    transfer: ['token', 'from', 'to'],
    funding: ['from', 'to'],
    complete: ['token'],
    liquidity: ['token', 'pool', 'provider'],
  }
  for (const field of addresses[e.kind as string]!) {
    if (typeof e[field] !== 'string' || e[field] === '') fail(field, 'is missing')
  }
  const amounts: Record<string, string[]> = {
    launch: ['totalSupply'],
    trade: ['nativeAmount', 'tokenAmount', 'fee'],
    transfer: ['amount'],
    funding: ['amount'],
    complete: [],
    liquidity: ['nativeAmount', 'tokenAmount'],
  }
  for (const field of amounts[e.kind as string]!) {
    if (typeof e[field] !== 'bigint' || (e[field] as bigint) < 0n) fail(field, 'is not a non-negative bigint')
  }
  if (e.kind === 'trade' && e.side !== 'buy' && e.side !== 'sell') fail('side', 'is not buy or sell')
  if (e.kind === 'trade' && e.venue !== 'curve' && e.venue !== 'pool') fail('venue', 'is not curve or pool')
  if (e.kind === 'liquidity' && !['migrate', 'add', 'remove'].includes(e.action as string))
    fail('action', 'is not migrate, add or remove')
}
