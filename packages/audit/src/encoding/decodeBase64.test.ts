import { describe, expect, it } from 'vitest'
import { decodeBase64 } from './decodeBase64.ts'
import { decodeUtf8 } from './decodeUtf8.ts'
import { encodeBase64 } from './encodeBase64.ts'
import { encodeUtf8 } from './encodeUtf8.ts'
import { parseDecimal } from './parseDecimal.ts'

describe('decodeBase64', () => {
  it('round-trips with encodeBase64', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff)
      expect(decodeBase64(encodeBase64(bytes))).toEqual(bytes)
    }
  })

  it.each(['AQI', 'AQI=A', 'AQ==AQ==', 'AQ-_', 'AQ=\n', ' AQID', 'AR==', 'AQJ='])('rejects %j', (text) => {
    expect(decodeBase64(text)).toBeUndefined()
  })
})

describe('parseDecimal', () => {
  it.each([
    ['0', 0],
    ['7', 7],
    ['20852163', 20852163],
    ['9007199254740991', 9007199254740991],
  ])('parses %s', (text, value) => {
    expect(parseDecimal(text)).toBe(value)
  })

  it.each(['', '00', '01', '-1', '+1', '1.0', '1e3', ' 1', '9007199254740992', '12345678901234567'])(
    'rejects %j',
    (text) => {
      expect(parseDecimal(text)).toBeUndefined()
    },
  )
})

describe('UTF-8', () => {
  it('rejects invalid bytes and lone surrogates', () => {
    expect(decodeUtf8(new Uint8Array([0xc3, 0x28]))).toBeUndefined()
    expect(encodeUtf8('a\ud83d')).toBeUndefined()
    expect(decodeUtf8(encodeUtf8('\ufeff😀')!)).toBe('\ufeff😀')
  })
})
