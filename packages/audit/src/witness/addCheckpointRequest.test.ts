import { describe, expect, it } from 'vitest'
import { torchwoodMldsaLog } from '../cosignature/testdata/torchwoodMldsaLog.ts'
import { InvalidInputError } from '../errors/AuditError.ts'
import { formatAddCheckpointRequest } from './formatAddCheckpointRequest.ts'
import { parseAddCheckpointRequest } from './parseAddCheckpointRequest.ts'

const hashes = [new Uint8Array(32).fill(1), new Uint8Array(32).fill(2)]
const b64 = hashes.map((h) => Buffer.from(h).toString('base64'))

describe('add-checkpoint request body', () => {
  it('formats the c2sp.org/tlog-witness layout and parses it back', () => {
    const body = formatAddCheckpointRequest({
      oldSize: 20852014,
      consistencyProof: hashes,
      checkpointNote: torchwoodMldsaLog.note,
    })
    expect(body).toBe(`old 20852014\n${b64[0]}\n${b64[1]}\n\n${torchwoodMldsaLog.note}`)
    expect(parseAddCheckpointRequest(body)).toEqual({
      oldSize: 20852014,
      consistencyProof: hashes,
      checkpointNote: torchwoodMldsaLog.note,
    })
    expect(parseAddCheckpointRequest(new TextEncoder().encode(body)).oldSize).toBe(20852014)
  })

  it("parses torchwood's litewitness test request", () => {
    const request = parseAddCheckpointRequest(`old 0\n\n${torchwoodMldsaLog.note}`)
    expect(request).toEqual({ oldSize: 0, consistencyProof: [], checkpointNote: torchwoodMldsaLog.note })
  })

  it.each([
    ['no old line', `\n\n${torchwoodMldsaLog.note}`],
    ['a leading zero', `old 01\n\n${torchwoodMldsaLog.note}`],
    ['a negative size', `old -1\n\n${torchwoodMldsaLog.note}`],
    ['two spaces', `old  1\n\n${torchwoodMldsaLog.note}`],
    ['a bad hash', `old 1\nAAAA\n\n${torchwoodMldsaLog.note}`],
    ['64 hashes', `old 1\n${`${b64[0]}\n`.repeat(64)}\n${torchwoodMldsaLog.note}`],
    ['no blank line', `old 1\n${torchwoodMldsaLog.note}`],
    ['no checkpoint', 'old 1\n\n'],
    ['a CRLF', `old 1\r\n\n${torchwoodMldsaLog.note}`],
  ])('rejects %s', (_, body) => {
    expect(() => parseAddCheckpointRequest(body)).toThrow(InvalidInputError)
  })

  it('refuses to format invalid requests', () => {
    expect(() =>
      formatAddCheckpointRequest({
        oldSize: -1,
        consistencyProof: [],
        checkpointNote: torchwoodMldsaLog.note,
      }),
    ).toThrow(InvalidInputError)
    expect(() =>
      formatAddCheckpointRequest({
        oldSize: 1,
        consistencyProof: [new Uint8Array(1)],
        checkpointNote: torchwoodMldsaLog.note,
      }),
    ).toThrow(InvalidInputError)
    expect(() =>
      formatAddCheckpointRequest({ oldSize: 1, consistencyProof: [], checkpointNote: 'x\n' }),
    ).toThrow(InvalidInputError)
  })
})
