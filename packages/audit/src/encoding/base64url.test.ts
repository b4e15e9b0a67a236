import { describe, expect, it } from 'vitest'
import { decodeBase64url } from './decodeBase64url.ts'
import { encodeBase64url } from './encodeBase64url.ts'

describe('base64url', () => {
  it('matches RFC 4648 §10 vectors (url alphabet, no padding)', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg'],
      ['fo', 'Zm8'],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg'],
      ['fooba', 'Zm9vYmE'],
      ['foobar', 'Zm9vYmFy'],
    ]
    for (const [text, encoded] of vectors) {
      const bytes = new TextEncoder().encode(text)
      expect(encodeBase64url(bytes)).toBe(encoded)
      expect(decodeBase64url(encoded)).toEqual(bytes)
    }
    expect(encodeBase64url(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe('-_-_')
  })

  it('round-trips every length', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 53 + n) & 0xff)
      expect(decodeBase64url(encodeBase64url(bytes))).toEqual(bytes)
    }
  })

  it.each(['Zg==', 'Zm9v+', 'Zm9v/', 'Zh', 'Z', 'Zm9 v', 'Zm9v\n'])('rejects %j', (text) => {
    expect(decodeBase64url(text)).toBeUndefined()
  })
})
