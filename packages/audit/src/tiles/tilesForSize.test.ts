import { describe, expect, it } from 'vitest'
import { tileForSize } from './tileForSize.ts'
import { tilePath } from './tilePath.ts'
import { tilesForSize } from './tilesForSize.ts'

describe('tilesForSize / tileForSize', () => {
  it('matches the tlog-tiles example: size 70,000', () => {
    const tiles = [...tilesForSize({ size: 70_000 })]
    const count = (kind: string, level: number, width: (w: number) => boolean) =>
      tiles.filter((t) => t.kind === kind && t.level === level && width(t.width)).length
    expect(count('hashes', 0, (w) => w === 256)).toBe(273)
    expect(tiles.filter((t) => t.kind === 'hashes' && t.level === 0 && t.width < 256).map(tilePath)).toEqual([
      'tile/0/273.p/112',
    ])
    expect(tiles.filter((t) => t.kind === 'hashes' && t.level > 0).map(tilePath)).toEqual([
      'tile/1/000',
      'tile/1/001.p/17',
      'tile/2/000.p/1',
    ])
    expect(count('entries', 0, (w) => w === 256)).toBe(273)
    expect(tiles.filter((t) => t.kind === 'entries').at(-1)).toEqual({
      kind: 'entries',
      level: 0,
      index: 273,
      width: 112,
    })
    expect(tiles.length).toBe(274 + 274 + 3)
  })

  it('matches the tlog-tiles example: size 256, and has nothing for size 0', () => {
    expect([...tilesForSize({ size: 256 })].map(tilePath)).toEqual([
      'tile/entries/000',
      'tile/0/000',
      'tile/1/000.p/1',
    ])
    expect([...tilesForSize({ size: 0 })]).toEqual([])
    expect([...tilesForSize({ size: 1 })].map(tilePath)).toEqual(['tile/entries/000.p/1', 'tile/0/000.p/1'])
  })

  it('lists only what changed since an older size', () => {
    expect([...tilesForSize({ size: 600, from: 300 })].map(tilePath)).toEqual([
      'tile/entries/001',
      'tile/entries/002.p/88',
      'tile/0/001',
      'tile/0/002.p/88',
      'tile/1/000.p/2',
    ])
    expect([...tilesForSize({ size: 600, from: 600 })]).toEqual([])
    expect([...tilesForSize({ size: 512, from: 511 })].map(tilePath)).toEqual([
      'tile/entries/001',
      'tile/0/001',
      'tile/1/000.p/2',
    ])
  })

  it('gives the widest tile at a position, or undefined', () => {
    expect(tileForSize({ kind: 'hashes', level: 0, index: 2, size: 600 })?.width).toBe(88)
    expect(tileForSize({ kind: 'hashes', level: 0, index: 3, size: 600 })).toBeUndefined()
    expect(tileForSize({ kind: 'hashes', level: 3, index: 0, size: 600 })).toBeUndefined()
    expect(tileForSize({ kind: 'hashes', level: 3, index: 0, size: 2 ** 50 })?.width).toBe(256)
    expect(
      tileForSize({ kind: 'hashes', level: 63, index: 0, size: Number.MAX_SAFE_INTEGER }),
    ).toBeUndefined()
  })

  it('refuses impossible positions and sizes', () => {
    for (const position of [
      { kind: 'hashes', level: 0, index: -1, size: 600 },
      { kind: 'hashes', level: 64, index: 0, size: 600 },
      { kind: 'hashes', level: 0, index: 0, size: -1 },
      { kind: 'hashes', level: 0, index: 0, size: 0.5 },
      { kind: 'entries', level: 1, index: 0, size: 600 },
    ] as const) {
      expect(() => tileForSize(position)).toThrow(/invalid tile position/)
    }
    expect(() => [...tilesForSize({ size: 10, from: 11 })]).toThrow(/invalid tree sizes/)
    expect(() => [...tilesForSize({ size: -1 })]).toThrow(/invalid tree sizes/)
  })
})
