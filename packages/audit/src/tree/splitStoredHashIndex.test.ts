import { describe, expect, it } from 'vitest'
import { splitStoredHashIndex } from './splitStoredHashIndex.ts'
import { storedHashCount } from './storedHashCount.ts'
import { storedHashIndex } from './storedHashIndex.ts'

describe('splitStoredHashIndex', () => {
  it('inverts storedHashIndex for every hash of a 5000-record tree', () => {
    const seen = new Set<number>()
    for (let level = 0; 2 ** level <= 5000; level++) {
      for (let n = 0; (n + 1) * 2 ** level <= 5000; n++) {
        const index = storedHashIndex(level, n)
        expect(splitStoredHashIndex(index)).toEqual({ level, n })
        seen.add(index)
      }
    }
    expect(seen.size).toBe(storedHashCount(5000))
  })

  it('works beyond 2^32 and rejects non-indexes', () => {
    const index = storedHashIndex(9, 2 ** 33 + 5)
    expect(splitStoredHashIndex(index)).toEqual({ level: 9, n: 2 ** 33 + 5 })
    expect(() => splitStoredHashIndex(-1)).toThrow(/invalid storage index/)
    expect(() => splitStoredHashIndex(1.5)).toThrow(/invalid storage index/)
  })
})
