import { describe, expect, it } from 'vitest'
import { DecodeError } from '../errors/ForensicsError.ts'
import { decodeCreateEvent } from './decodeCreateEvent.ts'
import { BorshWriter } from './testing/BorshWriter.ts'
import { fixtureEventPayloads } from './testing/fixturePayloads.ts'

const create = (name: string) => fixtureEventPayloads(name, 'CreateEvent')[0]!

describe('decodeCreateEvent', () => {
  it.each([
    ['create-121-3sWBncNG.json', 185, 'core'],
    ['create-258-3ejAydeP.json', 305, 'tokenProgram'],
    ['create-350-5EDHe12K.json', 346, 'quote'],
    ['create-366-4SUHkAKc.json', 357, 'holderReward'],
  ])('%s: %i bytes, layout %s', (name, length, layout) => {
    const { info } = decodeCreateEvent(create(name))
    expect(info).toEqual({ payloadLength: length, layout, unknownLayout: false, extraBytes: 0 })
  })

  it('decodes strings, keys, reserves and the token program', () => {
    const { fields } = decodeCreateEvent(create('create-366-4SUHkAKc.json'))
    expect(fields).toMatchObject({
      name: 'dog wif cap',
      symbol: 'cap',
      uri: 'https://ipfs.io/ipfs/bafkreigqkxsibtz5tgelqecagzho66whmqdysrxxcorgfnfiucvprkxvzi',
      mint: '457V2vvjqXTMFzivq9tvBqhDaxfke2523hHDB6brpump',
      user: 'CTfBTtxhtAyGEysdjp9owVQvjSwPjtrzEGB9ZgAKewsY',
      creator: 'CTfBTtxhtAyGEysdjp9owVQvjSwPjtrzEGB9ZgAKewsY',
      timestamp: 1789483687n,
      virtualTokenReserves: 1073000000000000n,
      virtualSolReserves: 30000000000n,
      realTokenReserves: 793100000000000n,
      tokenTotalSupply: 1000000000000000n,
      tokenProgram: 'TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb',
      isMayhemMode: true,
      isCashbackEnabled: false,
      quoteMint: '11111111111111111111111111111111',
      virtualQuoteReserves: 30000000000n,
      creatorFeeBps: 0n,
      isHolderReward: false,
    })
    expect(fields.depth).toBeUndefined()
  })

  it('decodes the October 2026 layout (depth) and flags anything longer', () => {
    const withDepth = new BorshWriter().bytes(create('create-366-4SUHkAKc.json')).u8(1).done()
    expect(decodeCreateEvent(withDepth).info).toEqual({
      payloadLength: 358,
      layout: 'depth',
      unknownLayout: false,
      extraBytes: 0,
    })
    expect(decodeCreateEvent(withDepth).fields.depth).toBe(1)
    const longer = new BorshWriter().bytes(withDepth).u64(1n).done()
    const { fields, info } = decodeCreateEvent(longer)
    expect(info).toMatchObject({ payloadLength: 366, layout: 'depth', unknownLayout: true, extraBytes: 8 })
    expect(fields.name).toBe('dog wif cap')
  })

  it('rejects invalid UTF-8 in the name and a cut before the first keys', () => {
    const badName = new BorshWriter()
      .u32(2)
      .bytes([0xff, 0xfe])
      .string('S')
      .string('u')
      .bytes(new Uint8Array(96))
      .done()
    expect(() => decodeCreateEvent(badName)).toThrow(DecodeError)
    expect(() => decodeCreateEvent(create('create-121-3sWBncNG.json').subarray(0, 100))).toThrow(DecodeError)
  })
})
