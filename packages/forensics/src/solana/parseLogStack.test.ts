import { describe, expect, it } from 'vitest'
import { parseLogStack } from './parseLogStack.ts'

const A = 'MAyhSmzXzV1pTf7LsNkrNwkWKTo4ougAJ1PPg47MD4e'
const P = '6EF8rrecthR5Dkzon8Nwu78hRvfCKubJ14M5uBEwF6P'
const T = 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA'

describe('parseLogStack', () => {
  it('attributes each Program data line to the program on top of the stack', () => {
    const { frames, data, truncated, anomalies } = parseLogStack([
      `Program ${A} invoke [1]`,
      'Program log: Instruction: BuyV2',
      `Program ${P} invoke [2]`,
      `Program ${T} invoke [3]`,
      `Program ${T} consumed 105 of 251489 compute units`,
      `Program ${T} success`,
      'Program data: AAAA',
      `Program return: ${T} qgAAAAAAAAA=`,
      `Program ${P} success`,
      'Program data: BBBB CCCC',
      `Program ${A} success`,
      `Program ${P} invoke [1]`,
      `Program ${P} failed: custom program error: 0x1771`,
    ])
    expect(frames).toEqual([
      { programId: A, depth: 1, parent: undefined, topLevelIndex: 0, status: 'success' },
      { programId: P, depth: 2, parent: 0, topLevelIndex: 0, status: 'success' },
      { programId: T, depth: 3, parent: 1, topLevelIndex: 0, status: 'success' },
      { programId: P, depth: 1, parent: undefined, topLevelIndex: 1, status: 'failed' },
    ])
    expect(data).toEqual([
      { frame: 1, programId: P, fields: ['AAAA'], line: 6 },
      { frame: 0, programId: A, fields: ['BBBB', 'CCCC'], line: 9 },
    ])
    expect({ truncated, anomalies }).toEqual({ truncated: false, anomalies: 0 })
  })

  it('reports truncation, data outside any program, and lines that break the stack', () => {
    const result = parseLogStack([
      'Program data: AAAA',
      `Program ${A} invoke [1]`,
      `Program ${P} invoke [3]`,
      `Program ${T} success`,
      'Log truncated',
    ])
    expect(result.data[0]).toMatchObject({ frame: undefined, programId: undefined })
    expect(result.truncated).toBe(true)
    expect(result.anomalies).toBe(2)
    expect(result.frames.map((f) => f.status)).toEqual(['unfinished', 'unfinished'])
  })
})
