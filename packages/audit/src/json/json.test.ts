import { describe, expect, it } from 'vitest'
import { InvalidInputError } from '../errors/AuditError.ts'
import { canonicalJson } from './canonicalJson.ts'
import type { JsonValue } from './JsonValue.ts'
import { toJsonValue } from './toJsonValue.ts'

const bits = (hex: string) => new DataView(Uint8Array.from(Buffer.from(hex, 'hex')).buffer).getFloat64(0)

describe('canonicalJson (RFC 8785)', () => {
  it('canonicalizes the §3.2.2 example', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    )
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    )
  })

  it('sorts members by UTF-16 code units (§3.2.3)', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    }
    const names = ['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33']
    const expected = names.map(
      (name) => `${JSON.stringify(name)}:${JSON.stringify(input[name as keyof typeof input])}`,
    )
    expect(canonicalJson(input)).toBe(`{${expected.join(',')}}`)
  })

  it.each([
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ])('serializes IEEE 754 %s as %s (Appendix B)', (hex, text) => {
    expect(canonicalJson(bits(hex))).toBe(text)
  })

  it('rejects non-finite numbers', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(InvalidInputError)
    expect(() => canonicalJson([Number.POSITIVE_INFINITY])).toThrow(InvalidInputError)
  })
})

describe('toJsonValue', () => {
  const check = (value: unknown) => toJsonValue(value, { path: 'v', maxDepth: 4 })

  it('copies plain JSON data', () => {
    const value = { a: [1, 'x', null, true, { b: -0 }] }
    const copy = check(value)
    expect(copy).toEqual({ a: [1, 'x', null, true, { b: 0 }] })
    expect(copy).not.toBe(value)
    expect(Object.is((copy as { a: [0, 0, 0, 0, { b: number }] }).a[4].b, 0)).toBe(true)
  })

  const circular: { self?: unknown } = {}
  circular.self = circular
  const sparse = [1, 2, 3]
  delete sparse[1]
  const withAccessor = Object.defineProperty({}, 'x', { get: () => 1, enumerable: true })
  it.each([
    ['undefined', undefined, 'undefined is not JSON'],
    ['a function', () => 1, 'function is not JSON'],
    ['a bigint', 1n, 'bigint is not JSON'],
    ['a symbol', Symbol('s'), 'symbol is not JSON'],
    ['NaN', { n: Number.NaN }, 'v.n: number NaN is not finite'],
    ['Infinity', [Number.NEGATIVE_INFINITY], 'v[0]: number -Infinity is not finite'],
    ['a lone surrogate', '\ud800', 'lone UTF-16 surrogate'],
    ['a lone surrogate key', { '\udc00': 1 }, 'lone UTF-16 surrogate'],
    ['a Date', new Date(0), 'not a plain object'],
    ['a Map', new Map(), 'not a plain object'],
    ['a __proto__ key', JSON.parse('{"a":{"__proto__":{"polluted":true}}}'), 'v.a.__proto__'],
    ['a cycle', circular, 'circular'],
    ['a sparse array', sparse, 'array hole'],
    ['an accessor', withAccessor, 'accessor'],
    ['a symbol key', { [Symbol('k')]: 1 }, 'symbol keys'],
    ['deep nesting', [[[[[1]]]]], 'nested too deeply'],
  ])('rejects %s', (_, value, message) => {
    expect(() => check(value)).toThrow(InvalidInputError)
    expect(() => check(value)).toThrow(message)
  })

  it('accepts nesting up to maxDepth', () => {
    const value: JsonValue = [[[[1]]]]
    expect(check(value)).toEqual(value)
  })
})
