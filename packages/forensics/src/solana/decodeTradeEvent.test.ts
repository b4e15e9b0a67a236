import { describe, expect, it } from 'vitest'
import { DecodeError } from '../errors/ForensicsError.ts'
import { decodeTradeEvent } from './decodeTradeEvent.ts'
import { BorshWriter } from './testing/BorshWriter.ts'
import { fixtureEventPayloads } from './testing/fixturePayloads.ts'

const [trade366] = fixtureEventPayloads('create-366-4SUHkAKc.json', 'TradeEvent')
const [trade258] = fixtureEventPayloads('create-258-3ejAydeP.json', 'TradeEvent')
const [trade350] = fixtureEventPayloads('create-350-5EDHe12K.json', 'TradeEvent')
const [trade121] = fixtureEventPayloads('create-121-3sWBncNG.json', 'TradeEvent')
const [trade217] = fixtureEventPayloads('buy-217-2ghHZXwy.json', 'TradeEvent')

/** The 366-byte event with its ix_name replaced (and the bytes after it kept). */
function withIxName(payload: Uint8Array, ixName: string): Uint8Array {
  const oldLength = new DataView(payload.buffer, payload.byteOffset + 250, 4).getUint32(0, true)
  return new BorshWriter()
    .bytes(payload.subarray(0, 250))
    .string(ixName)
    .bytes(payload.subarray(254 + oldLength))
    .done()
}

describe('decodeTradeEvent', () => {
  it('decodes every layout seen on mainnet without a flag', () => {
    const cases: [Uint8Array | undefined, number, string][] = [
      [trade121, 121, 'realReserves'],
      [trade217, 217, 'fees'],
      [trade258, 258, 'mayhem'],
      [trade350, 350, 'quote'],
      [trade350 && withIxName(trade350, 'buy_exact_sol_in'), 363, 'quote'],
      [trade366, 366, 'holderRewards'],
    ]
    for (const [payload, length, layout] of cases) {
      const { info } = decodeTradeEvent(payload!)
      expect(info).toEqual({ payloadLength: length, layout, unknownLayout: false, extraBytes: 0 })
    }
  })

  it('decodes the documented 105- and 250-byte layouts without a flag', () => {
    expect(decodeTradeEvent(trade121!.subarray(0, 105)).info).toMatchObject({
      layout: 'core',
      unknownLayout: false,
    })
    expect(decodeTradeEvent(trade258!.subarray(0, 250)).info).toMatchObject({
      layout: 'volume',
      unknownLayout: false,
    })
  })

  it('decodes the 366-byte event field by field', () => {
    const { fields } = decodeTradeEvent(trade366!)
    expect(fields).toMatchObject({
      mint: '457V2vvjqXTMFzivq9tvBqhDaxfke2523hHDB6brpump',
      isBuy: true,
      ixName: 'buy',
      mayhemMode: true,
      virtualQuoteReserves: 30059259258n,
      realQuoteReserves: 59259258n,
      holderRewardsBps: 0n,
    })
  })

  it('decodes the October 2026 layout (389 bytes with "buy_exact_quote_in", creator_fee_unclaimed)', () => {
    const oct = new BorshWriter().bytes(withIxName(trade366!, 'buy_exact_quote_in')).u64(501663n).done()
    const { fields, info } = decodeTradeEvent(oct)
    expect(info).toEqual({
      payloadLength: 389,
      layout: 'creatorFeeUnclaimed',
      unknownLayout: false,
      extraBytes: 0,
    })
    expect(fields).toMatchObject({
      ixName: 'buy_exact_quote_in',
      creatorFeeUnclaimed: 501663n,
      holderRewards: 0n,
    })
  })

  it('flags but decodes an unknown future layout: bytes appended to a real 366-byte event', () => {
    const longer = new BorshWriter().bytes(trade366!).u64(123n).u64(7n).bool(true).done()
    const { fields, info } = decodeTradeEvent(longer)
    expect(info).toEqual({
      payloadLength: 383,
      layout: 'creatorFeeUnclaimed',
      unknownLayout: true,
      extraBytes: 9,
    })
    expect(fields).toEqual({ ...decodeTradeEvent(trade366!).fields, creatorFeeUnclaimed: 123n })
    const odd = decodeTradeEvent(new BorshWriter().bytes(trade366!).u32(5).done())
    expect(odd.info).toEqual({
      payloadLength: 370,
      layout: 'holderRewards',
      unknownLayout: true,
      extraBytes: 4,
    })
  })

  it('a longer ix_name moves every later field: same layout, still decoded', () => {
    const renamed = withIxName(trade366!, 'buy_exact_quote_in_v2')
    const { fields, info } = decodeTradeEvent(renamed)
    expect(info).toMatchObject({ payloadLength: 384, layout: 'holderRewards', unknownLayout: false })
    expect(fields.ixName).toBe('buy_exact_quote_in_v2')
    expect(fields.quoteAmount).toBe(59259258n)
  })

  it('an ix_name length running past the end keeps the fixed 250-byte prefix and flags the rest', () => {
    const broken = trade366!.slice()
    new DataView(broken.buffer).setUint32(250, 10_000, true)
    const { fields, info } = decodeTradeEvent(broken)
    expect(info).toEqual({ payloadLength: 366, layout: 'volume', unknownLayout: true, extraBytes: 116 })
    expect(fields.tokenAmount).toBe(2115327702796n)
    expect(fields.ixName).toBeUndefined()
  })

  it('an event cut inside a group keeps the fields read so far', () => {
    const { fields, info } = decodeTradeEvent(trade366!.subarray(0, 300))
    // 258 (through mayhem_mode) + 4 u64 + empty shareholders vec = 294; quote_mint needs 32 of the last 6
    expect(info).toEqual({ payloadLength: 300, layout: 'mayhem', unknownLayout: true, extraBytes: 6 })
    expect(fields.buybackFee).toBe(0n)
    expect(fields.shareholders).toEqual([])
    expect(fields.quoteMint).toBeUndefined()
  })

  it('flags an ix_name with nothing after it (never seen)', () => {
    const { info } = decodeTradeEvent(trade258!.subarray(0, 257))
    expect(info).toMatchObject({ layout: 'ixName', unknownLayout: true, extraBytes: 0 })
  })

  it('rejects a payload shorter than the oldest layout, or with a bad is_buy byte', () => {
    expect(() => decodeTradeEvent(trade121!.subarray(0, 104))).toThrow(DecodeError)
    const badBool = trade121!.slice()
    badBool[48] = 2
    expect(() => decodeTradeEvent(badBool)).toThrow(DecodeError)
  })
})
