import { describe, expect, it } from 'vitest'
import { anchorDiscriminator } from './anchorDiscriminator.ts'
import { decodePumpfunInstruction } from './decodePumpfunInstruction.ts'
import { BorshWriter } from './testing/BorshWriter.ts'

const ix = (name: string) => new BorshWriter().bytes(anchorDiscriminator('global', name))

describe('decodePumpfunInstruction', () => {
  it('decodes buy_exact_sol_in with its optional track_volume', () => {
    const data = ix('buy_exact_sol_in').u64(100_000_000n).u64(5n).bool(true).done()
    expect(decodePumpfunInstruction(data)).toMatchObject({
      name: 'buy_exact_sol_in',
      args: { spendableSolIn: 100_000_000n, minTokensOut: 5n, trackVolume: true },
      argsInfo: { unknownLayout: false, extraBytes: 0 },
    })
  })

  it('decodes sell_v2 and create_v2', () => {
    expect(decodePumpfunInstruction(ix('sell_v2').u64(7n).u64(1n).done()).args).toEqual({
      amount: 7n,
      minSolOutput: 1n,
    })
    const creator = 'CTfBTtxhtAyGEysdjp9owVQvjSwPjtrzEGB9ZgAKewsY'
    const create = ix('create_v2').string('n').string('s').string('u').pubkey(creator).bool(false).done()
    expect(decodePumpfunInstruction(create).args).toEqual({
      name: 'n',
      symbol: 's',
      uri: 'u',
      creator,
      isMayhemMode: false,
    })
  })

  it('reports unknown discriminators, short data and missing arguments without throwing', () => {
    expect(decodePumpfunInstruction(Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9))).toMatchObject({
      name: undefined,
      discriminator: '0102030405060708',
      argsInfo: { unknownLayout: true, extraBytes: 1 },
    })
    expect(decodePumpfunInstruction(Uint8Array.of(1)).name).toBeUndefined()
    expect(decodePumpfunInstruction(ix('buy').u64(1n).done())).toMatchObject({
      name: 'buy',
      args: { amount: 1n },
      argsInfo: { unknownLayout: true, extraBytes: 0 },
    })
  })
})
