import { describe, expect, it } from 'vitest'
import { batchSizes } from './batchSizes.ts'
import { insertEventsSql } from './insertEventsSql.ts'

describe('batchSizes', () => {
  it('covers every row with full batches then powers of two', () => {
    expect(batchSizes(2500, 1024)).toEqual([1024, 1024, 256, 128, 64, 4])
    expect(batchSizes(0, 1024)).toEqual([])
    expect(batchSizes(1, 1024)).toEqual([1])
    for (const n of [1, 7, 1023, 1024, 1025, 5250])
      expect(batchSizes(n, 1024).reduce((a, b) => a + b, 0)).toBe(n)
  })
})

describe('insertEventsSql', () => {
  it('numbers the placeholders of every row', () => {
    const sql = insertEventsSql({ rows: 2, placeholder: (n) => `$${n}` })
    expect(sql).toContain(
      'VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9), ($10, $11, $12, $13, $14, $15, $16, $17, $18)',
    )
    expect(sql).toMatch(/ON CONFLICT DO NOTHING$/)
  })
})
