import { describe, expect, it } from 'vitest'
import { DecodeError } from '../errors/ForensicsError.ts'
import { ByteReader } from './ByteReader.ts'

describe('ByteReader', () => {
  it('reads little-endian integers, bools and strings', () => {
    const r = new ByteReader(
      Uint8Array.of(1, 0x34, 0x12, 2, 0, 0, 0, 0x68, 0x69, 255, 255, 255, 255, 255, 255, 255, 255),
      't',
    )
    expect([r.bool(), r.u16(), r.string(), r.i64(), r.remaining]).toEqual([true, 0x1234, 'hi', -1n, 0])
  })

  it('reads compact-u16 lengths of 1 to 3 bytes', () => {
    expect(new ByteReader(Uint8Array.of(0x7f), 't').shortVec()).toBe(127)
    expect(new ByteReader(Uint8Array.of(0x80, 0x01), 't').shortVec()).toBe(128)
    expect(new ByteReader(Uint8Array.of(0xff, 0xff, 0x03), 't').shortVec()).toBe(65535)
    expect(() => new ByteReader(Uint8Array.of(0x80, 0x80, 0x80, 0x01), 't').shortVec()).toThrow(DecodeError)
  })

  it('throws DecodeError past the end, on bools other than 0/1 and on bad UTF-8', () => {
    expect(() => new ByteReader(Uint8Array.of(1, 2), 'x').u64()).toThrow('x is truncated')
    expect(() => new ByteReader(Uint8Array.of(2), 'x').bool()).toThrow('invalid bool')
    expect(() => new ByteReader(Uint8Array.of(1, 0, 0, 0, 0xff), 'x').string()).toThrow('not UTF-8')
    expect(() => new ByteReader(Uint8Array.of(9, 0, 0, 0, 0x41), 'x').string()).toThrow(DecodeError)
  })
})
