import { describe, expect, it } from 'vitest'
import { InvalidEventError } from '../errors/AnalysisError.ts'
import { fitLogistic } from './fitLogistic.ts'

describe('fitLogistic', () => {
  it('recovers the rates of a binary feature and ignores a constant one', () => {
    // x = 0: 1 positive in 4 (log-odds −ln 3); x = 1: 3 positives in 4 (log-odds +ln 3).
    const rows = [0, 0, 0, 0, 1, 1, 1, 1].map((x) => [x, 5])
    const labels = [true, false, false, false, true, true, true, false]
    const fit = fitLogistic({ rows, labels, l2: 0 })
    expect(fit.bias).toBeCloseTo(-Math.log(3), 4)
    expect(fit.weights[0]).toBeCloseTo(2 * Math.log(3), 4)
    expect(fit.weights[1]).toBe(0)
    expect(fit.constant).toEqual([false, true])
  })

  it('shrinks weights under a ridge penalty', () => {
    const rows = [[0], [0], [1], [1], [0], [1]]
    const labels = [false, false, true, true, true, false]
    const free = fitLogistic({ rows, labels, l2: 0 })
    const ridge = fitLogistic({ rows, labels, l2: 1 })
    expect(Math.abs(ridge.weights[0]!)).toBeLessThan(Math.abs(free.weights[0]!))
  })

  it('refuses a ragged or empty training set', () => {
    expect(() => fitLogistic({ rows: [], labels: [] })).toThrow(InvalidEventError)
    expect(() => fitLogistic({ rows: [[1], [1, 2]], labels: [true, false] })).toThrow(InvalidEventError)
  })
})
