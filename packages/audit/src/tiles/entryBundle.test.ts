import { describe, expect, it } from 'vitest'
import { InvalidInputError } from '../errors/AuditError.ts'
import { encodeEntryBundle } from './encodeEntryBundle.ts'
import { parseEntryBundle } from './parseEntryBundle.ts'

describe('entry bundles', () => {
  it('are uint16 big-endian length-prefixed entries, round-tripping', () => {
    const entries = [
      new Uint8Array([7]),
      new Uint8Array(0),
      new Uint8Array(300).fill(9),
      new Uint8Array(65535),
    ]
    const bundle = encodeEntryBundle(entries)
    expect([...bundle.subarray(0, 6)]).toEqual([0, 1, 7, 0, 0, 1])
    expect([...bundle.subarray(5, 7)]).toEqual([0x01, 0x2c]) // 300
    expect(bundle.length).toBe(3 + 2 + 302 + 65537)
    expect([...parseEntryBundle(bundle)]).toEqual(entries)
    expect([...parseEntryBundle(new Uint8Array(0))]).toEqual([])
  })

  it('refuses entries that do not fit a uint16 length', () => {
    expect(() => encodeEntryBundle([new Uint8Array(65536)])).toThrow(InvalidInputError)
  })

  it('yields the good entries before failing on a truncated one', () => {
    const bundle = encodeEntryBundle([new Uint8Array([1, 2]), new Uint8Array([3, 4, 5])])
    for (const cut of [bundle.length - 1, 6, 5]) {
      const got: Uint8Array[] = []
      expect(() => {
        for (const entry of parseEntryBundle(bundle.subarray(0, cut))) got.push(entry)
      }).toThrow(/truncated entry bundle/)
      expect(got).toEqual([new Uint8Array([1, 2])])
    }
    expect(() => [...parseEntryBundle(new Uint8Array([0]))]).toThrow(/length prefix cut/)
  })
})
