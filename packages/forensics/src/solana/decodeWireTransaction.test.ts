import { base58 } from '@scure/base'
import { describe, expect, it } from 'vitest'
import { DecodeError } from '../errors/ForensicsError.ts'
import { decodeBase64 } from './decodeBase64.ts'
import { decodeWireTransaction } from './decodeWireTransaction.ts'
import { BorshWriter } from './testing/BorshWriter.ts'
import { readPumpfunFixture } from './testing/fixtures.ts'

const wireBytes = (name: string) =>
  decodeBase64(JSON.parse(readPumpfunFixture(name)).transaction[0], 'fixture')

describe('decodeWireTransaction', () => {
  it('decodes a legacy message', () => {
    const wire = decodeWireTransaction(wireBytes('buy-217-2ghHZXwy.json'))
    expect(wire.version).toBe('legacy')
    expect(wire.signatures[0]?.startsWith('2ghHZXwy')).toBe(true)
    expect(wire.staticKeys).toHaveLength(15)
    expect(wire.lookupCount).toBe(0)
  })

  it('decodes a v0 message', () => {
    const wire = decodeWireTransaction(wireBytes('create-350-5EDHe12K.json'))
    expect(wire.version).toBe(0)
    expect(wire.signatures[0]?.startsWith('5EDHe12K')).toBe(true)
    expect(wire.instructions.length).toBeGreaterThan(0)
  })

  it('rejects trailing bytes, a cut, and a legacy-framed message with a version other than 0', () => {
    const bytes = wireBytes('create-350-5EDHe12K.json')
    expect(() => decodeWireTransaction(Uint8Array.of(...bytes, 0))).toThrow('trailing bytes')
    expect(() => decodeWireTransaction(bytes.subarray(0, bytes.length - 1))).toThrow(DecodeError)
    const v1 = bytes.slice()
    v1[1 + 64 * bytes[0]!] = 0x81
    expect(() => decodeWireTransaction(v1)).toThrow('unsupported transaction message version')
    expect(() => decodeWireTransaction(new Uint8Array())).toThrow(DecodeError)
  })
})

describe('decodeWireTransaction: version 1 (SIMD-0385)', () => {
  const payer = 'J9TYAsWWidbrcZybmLSfrLzryANf4CgJBLdvwdGuC8MB'
  const program = '6EF8rrecthR5Dkzon8Nwu78hRvfCKubJ14M5uBEwF6P'
  const v1 = (extra: number[] = []) =>
    new BorshWriter()
      .bytes([0x81, 1, 0, 1]) // version 1; 1 signature, 0 readonly signed, 1 readonly unsigned
      .u32(0b1101) // three config values
      .bytes(new Uint8Array(32)) // lifetime
      .bytes([2, 2]) // 2 instructions, 2 addresses
      .pubkey(payer)
      .pubkey(program)
      .u32(300000)
      .u32(0)
      .u32(315000)
      .bytes([1, 1, 3, 0]) // program 1, 1 account, 3 data bytes
      .bytes([1, 0, 0, 0]) // program 1, no accounts, no data
      .bytes([0, 7, 8, 9])
      .bytes(new Uint8Array(64).fill(1))
      .bytes(extra)
      .done()

  it('reads the message first and the signatures last', () => {
    const wire = decodeWireTransaction(v1())
    expect(wire).toEqual({
      signatures: [base58.encode(new Uint8Array(64).fill(1))],
      version: 1,
      staticKeys: [payer, program],
      instructions: [
        { programIdIndex: 1, accounts: [0], data: Uint8Array.of(7, 8, 9) },
        { programIdIndex: 1, accounts: [], data: new Uint8Array() },
      ],
      lookupCount: 0,
    })
  })

  it('rejects trailing and missing bytes', () => {
    expect(() => decodeWireTransaction(v1([0]))).toThrow('trailing bytes')
    expect(() => decodeWireTransaction(v1().subarray(0, 193))).toThrow(DecodeError)
  })
})
