import { describe, expect, it } from 'vitest'
import { averagePrecision } from './averagePrecision.ts'
import { pairwiseF1 } from './pairwiseF1.ts'
import { rocAuc } from './rocAuc.ts'

describe('pairwiseF1', () => {
  it('is 1 for identical partitions whatever the labels', () => {
    const p = new Map([
      ['a', 'x'],
      ['b', 'x'],
      ['c', 'y'],
    ])
    const t = new Map([
      ['a', '1'],
      ['b', '1'],
      ['c', '2'],
    ])
    expect(pairwiseF1(p, t)).toMatchObject({ precision: 1, recall: 1, f1: 1 })
  })
  it('penalises merges and splits', () => {
    // truth {a,b,c} {d}; predicted {a,b} {c,d}: pairs true ab ac bc; predicted ab cd → 1 correct
    const p = new Map([
      ['a', 'x'],
      ['b', 'x'],
      ['c', 'y'],
      ['d', 'y'],
    ])
    const t = new Map([
      ['a', '1'],
      ['b', '1'],
      ['c', '1'],
      ['d', '2'],
    ])
    const s = pairwiseF1(p, t)
    expect(s.precision).toBeCloseTo(1 / 2)
    expect(s.recall).toBeCloseTo(1 / 3)
    expect(s.f1).toBeCloseTo(0.4)
  })
})

describe('averagePrecision and rocAuc', () => {
  it('rank a perfect ranking at 1', () => {
    expect(averagePrecision([0.9, 0.8, 0.1], [true, true, false])).toBe(1)
    expect(rocAuc([0.9, 0.8, 0.1], [true, true, false])).toBe(1)
  })
  it('match hand-computed values', () => {
    expect(averagePrecision([0.9, 0.8, 0.1], [true, false, true])).toBeCloseTo((1 + 2 / 3) / 2)
    expect(rocAuc([0.9, 0.5, 0.5, 0.1], [true, true, false, false])).toBeCloseTo((1 + 1 + 1 + 0.5) / 4)
    expect(averagePrecision([0.5, 0.5], [true, false])).toBeCloseTo(0.5)
    expect(rocAuc([0.1, 0.2], [true, true])).toBeNaN()
  })
})
