import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js'
import { describe, expect, it } from 'vitest'
import { sha256 } from './sha256.ts'

describe('sha256', () => {
  it('matches the FIPS 180-2 vector and @noble/hashes on inputs of every length up to 300 bytes', () => {
    const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex')
    expect(hex(sha256(new TextEncoder().encode('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
    for (let n = 0; n <= 300; n++) {
      const input = Uint8Array.from({ length: n }, (_, i) => (i * 31 + n) & 0xff)
      const digest = sha256(input)
      expect(digest.constructor).toBe(Uint8Array)
      expect(digest).toEqual(nobleSha256(input))
    }
  })
})
