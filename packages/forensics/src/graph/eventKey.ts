import type { MarketEvent } from '../model/MarketEvent.ts'

/**
 * The identity of an event: chain, transaction and position in it. Two deliveries of the same event (a
 * replayed block, a redelivered message) have the same key.
 *
 * @example
 * eventKey(event) // 'anvil:0xabc…:3'
 */
export function eventKey(event: MarketEvent): string {
  return `${event.chain}:${event.tx}:${event.logIndex}`
}
