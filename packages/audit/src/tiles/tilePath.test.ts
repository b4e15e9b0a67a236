import { describe, expect, it } from 'vitest'
import { InvalidInputError } from '../errors/AuditError.ts'
import { parseTilePath } from './parseTilePath.ts'
import type { Tile } from './Tile.ts'
import { tilePath } from './tilePath.ts'

const hashes = (level: number, index: number, width = 256): Tile => ({ kind: 'hashes', level, index, width })

describe('tilePath / parseTilePath', () => {
  it('encodes the index in 3-digit elements, x-prefixed but the last (c2sp.org/tlog-tiles)', () => {
    expect(tilePath(hashes(0, 1234067))).toBe('tile/0/x001/x234/067')
    expect(tilePath(hashes(4, 1234067, 1))).toBe('tile/4/x001/x234/067.p/1')
    expect(tilePath(hashes(0, 0))).toBe('tile/0/000')
    expect(tilePath(hashes(2, 999, 255))).toBe('tile/2/999.p/255')
    expect(tilePath(hashes(1, 1000))).toBe('tile/1/x001/000')
    expect(tilePath(hashes(63, 123456789))).toBe('tile/63/x123/x456/789')
    expect(tilePath({ kind: 'entries', level: 0, index: 5, width: 17 })).toBe('tile/entries/005.p/17')
    expect(tilePath({ kind: 'entries', level: 0, index: 1000000, width: 256 })).toBe(
      'tile/entries/x001/x000/000',
    )
    expect(tilePath(hashes(0, Number.MAX_SAFE_INTEGER))).toBe('tile/0/x009/x007/x199/x254/x740/991')
  })

  it('round-trips every shape', () => {
    const indexes = [
      0,
      1,
      7,
      999,
      1000,
      1001,
      65535,
      999999,
      1000000,
      1234067,
      2 ** 40 + 3,
      Number.MAX_SAFE_INTEGER,
    ]
    for (const index of indexes) {
      for (const width of [1, 2, 100, 255, 256]) {
        for (const tile of [
          hashes(0, index, width),
          hashes(5, index, width),
          { ...hashes(0, index, width), kind: 'entries' as const },
        ]) {
          expect(parseTilePath(tilePath(tile))).toEqual(tile)
        }
      }
    }
  })

  it('rejects every non-canonical or malformed path', () => {
    const bad = [
      '',
      'tile',
      'tile/0',
      'tile/0/',
      '/tile/0/000',
      'tiles/0/000',
      'tile//000',
      'tile/00/000',
      'tile/01/000',
      'tile/64/000',
      'tile/-1/000',
      'tile/data/000',
      'tile/0/1',
      'tile/0/01',
      'tile/0/0001',
      'tile/0/abc',
      'tile/0/x000/001',
      'tile/0/x001',
      'tile/0/x001/x002',
      'tile/0/001/002',
      'tile/0/x1000/000',
      'tile/0/000/',
      'tile/0/000.p',
      'tile/0/000.p/',
      'tile/0/000.p/0',
      'tile/0/000.p/05',
      'tile/0/000.p/256',
      'tile/0/000.p/1000',
      'tile/0/000.p/5/6',
      'tile/0/000.P/5',
      'tile/0/000.p/+5',
      'tile/0/ 000',
      'tile/entries',
      'tile/entries/',
      'tile/entries/x001',
      'tile/entries/0/000',
      'tile/0/x009/x007/x199/x254/x740/992',
      'tile/0/x999/x999/x999/x999/x999/x999/999',
    ]
    for (const path of bad) expect(() => parseTilePath(path), path).toThrow(InvalidInputError)
  })

  it('refuses to encode invalid tiles', () => {
    for (const tile of [
      hashes(-1, 0),
      hashes(64, 0),
      hashes(0, -1),
      hashes(0, 0.5),
      hashes(0, 0, 0),
      hashes(0, 0, 257),
      hashes(0, 2 ** 53),
      { kind: 'entries', level: 1, index: 0, width: 256 },
      { kind: 'data', level: 0, index: 0, width: 256 },
    ] as Tile[]) {
      expect(() => tilePath(tile)).toThrow(InvalidInputError)
    }
  })
})
