import { sha256 } from '@noble/hashes/sha2.js'
import { describe, expect, it } from 'vitest'
import { anchorDiscriminator } from './anchorDiscriminator.ts'
import { EVENT_CPI_TAG, PUMPFUN_EVENTS } from './pumpfunLayouts.ts'

describe('pump.fun discriminators', () => {
  it('events match the published IDL and SOURCES.md', () => {
    expect(Array.from(PUMPFUN_EVENTS.TradeEvent)).toEqual([189, 219, 127, 211, 78, 230, 97, 238])
    expect(Array.from(PUMPFUN_EVENTS.CreateEvent)).toEqual([27, 114, 169, 77, 222, 235, 99, 118])
    expect(Array.from(PUMPFUN_EVENTS.CompleteEvent)).toEqual([95, 114, 97, 156, 212, 46, 152, 8])
    expect(Array.from(PUMPFUN_EVENTS.CompletePumpAmmMigrationEvent)).toEqual([
      189, 233, 93, 185, 92, 148, 234, 148,
    ])
  })

  it.each([
    ['buy', [102, 6, 61, 18, 1, 218, 235, 234]],
    ['sell', [51, 230, 133, 164, 1, 127, 131, 173]],
    ['migrate', [155, 234, 231, 146, 236, 158, 162, 30]],
    ['buy_v2', [184, 23, 238, 97, 103, 197, 211, 61]],
    ['sell_v2', [93, 246, 130, 60, 231, 233, 64, 178]],
    ['buy_exact_sol_in', [56, 252, 116, 8, 158, 223, 205, 95]],
    ['buy_exact_quote_in_v2', [194, 171, 28, 70, 104, 77, 91, 47]],
  ])('instruction %s matches the IDL', (name, bytes) => {
    expect(Array.from(anchorDiscriminator('global', name))).toEqual(bytes)
  })

  it("the self-CPI tag is Anchor's EVENT_IX_TAG (sha256('anchor:event')[0..8], little-endian)", () => {
    expect(Array.from(EVENT_CPI_TAG)).toEqual(
      Array.from(sha256(new TextEncoder().encode('anchor:event')).slice(0, 8)).reverse(),
    )
  })
})
