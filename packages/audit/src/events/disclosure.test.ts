import { describe, expect, it } from 'vitest'
import { DisclosureError } from '../errors/AuditError.ts'
import { createDisclosure } from './createDisclosure.ts'
import { decodeDisclosure } from './decodeDisclosure.ts'
import { digestDisclosure } from './digestDisclosure.ts'

describe('SD-JWT disclosures', () => {
  it('digests the specification’s examples', () => {
    expect(digestDisclosure('WyI2cU1RdlJMNWhhaiIsICJmYW1pbHlfbmFtZSIsICJNw7ZiaXVzIl0')).toBe(
      'uutlBuYeMDyjLLTpf6Jxi7yNkEF35jdyWMn9U7b_RYY',
    )
    expect(
      digestDisclosure(
        'WyJlSThaV205UW5LUHBOUGVOZW5IZGhRIiwgImVtYWlsIiwgIlwidW51c3VhbCBlbWFpbCBhZGRyZXNzXCJAZXhhbXBsZS5qcCJd',
      ),
    ).toBe('Kuet1yAa0HIQvYnOVd59hcViO9Ug6J2kSfqYRBeowvE')
  })

  it('decodes a specification disclosure with a 128-bit salt', () => {
    expect(
      decodeDisclosure(
        'WyJlSThaV205UW5LUHBOUGVOZW5IZGhRIiwgImVtYWlsIiwgIlwidW51c3VhbCBlbWFpbCBhZGRyZXNzXCJAZXhhbXBsZS5qcCJd',
      ),
    ).toEqual({ salt: 'eI8ZWm9QnKPpNPeNenHdhQ', name: 'email', value: '"unusual email address"@example.jp' })
  })

  it('refuses the specification’s 64-bit salt example as too short to hide low-entropy values', () => {
    expect(() => decodeDisclosure('WyI2cU1RdlJMNWhhaiIsICJmYW1pbHlfbmFtZSIsICJNw7ZiaXVzIl0')).toThrow(
      'salt is not base64url of at least 16 bytes',
    )
  })

  it('round-trips createDisclosure', () => {
    const salt = new Uint8Array(16).fill(9)
    const value = { nested: ['Möbius', 1, null, true] }
    const { disclosure, digest } = createDisclosure({ salt, name: 'family_name', value })
    expect(digest).toBe(digestDisclosure(disclosure))
    expect(decodeDisclosure(disclosure)).toEqual({
      salt: 'CQkJCQkJCQkJCQkJCQkJCQ',
      name: 'family_name',
      value,
    })
  })

  it.each([
    ['padding', 'WyJhIl0='],
    ['not JSON', Buffer.from('[salt').toString('base64url')],
    ['invalid UTF-8', Buffer.from([0x5b, 0xff]).toString('base64url')],
    ['a numeric name', Buffer.from(`["${'A'.repeat(22)}", 1, 2]`).toString('base64url')],
    ['two elements', Buffer.from(`["${'A'.repeat(22)}", "x"]`).toString('base64url')],
    [
      'a __proto__ key in the value',
      Buffer.from(`["${'A'.repeat(22)}","x",{"__proto__":1}]`).toString('base64url'),
    ],
  ])('rejects %s', (_, disclosure) => {
    expect(() => decodeDisclosure(disclosure)).toThrow(DisclosureError)
  })
})
