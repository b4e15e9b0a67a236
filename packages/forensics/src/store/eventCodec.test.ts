import { describe, expect, it } from 'vitest'
import { StoreError } from '../errors/StoreError.ts'
import type { MarketEvent } from '../model/MarketEvent.ts'
import { decodeEvent, encodeEvent } from './eventCodec.ts'

const at = { chain: 'eip155:1', block: 9, timestamp: 1_800_000_000, tx: '0xt', txIndex: 2, logIndex: 3 }
const trade: MarketEvent = {
  ...at,
  kind: 'trade',
  token: '0x4000000000000000000000000000000000000004',
  trader: '0xA11ce00000000000000000000000000000000005',
  side: 'buy',
  nativeAmount: 2n ** 255n + 7n,
  tokenAmount: 0n,
  fee: -5n,
  venue: 'curve',
  reserves: { virtualNative: 1n, virtualToken: 2n, realNative: 3n, realToken: 10n ** 27n },
}

describe('eventCodec', () => {
  it('round-trips amounts of any size or sign, and events without reserves', () => {
    expect(decodeEvent(encodeEvent(trade))).toEqual(trade)
    const { reserves: _, ...pool } = { ...trade, venue: 'pool' as const }
    expect(decodeEvent(encodeEvent(pool))).toEqual(pool)
    expect(encodeEvent(trade).data).toContain(`"0x${(10n ** 27n).toString(16)}"`)
  })

  it('escapes free text as JSON and keeps it exact', () => {
    const launch: MarketEvent = {
      ...at,
      kind: 'launch',
      token: '0x4000000000000000000000000000000000000004',
      creator: 'weird"creator\\',
      name: 'Pump "it" \n 🚀',
      symbol: '',
      totalSupply: 10n ** 27n,
    }
    const row = encodeEvent(launch)
    expect(JSON.parse(row.data)).toHaveLength(5)
    expect(decodeEvent(row)).toEqual(launch)
  })

  it('reads rows written with decimal amounts, and refuses corrupt ones', () => {
    const transfer: MarketEvent = {
      ...at,
      kind: 'transfer',
      token: '0xT',
      from: '0xF',
      to: '0xR',
      amount: 12345n,
    }
    expect(decodeEvent({ ...encodeEvent(transfer), data: '["0xT","0xF","0xR","12345"]' })).toEqual(transfer)
    expect(() => decodeEvent({ ...encodeEvent(transfer), data: '["0xT"]' })).toThrow(StoreError)
  })
})
