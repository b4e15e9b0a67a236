import { describe, expect, it } from 'vitest'
import { DecodeError } from '../errors/ForensicsError.ts'
import { decodePumpfunTransaction } from './decodePumpfunTransaction.ts'
import { readPumpfunFixture } from './testing/fixtures.ts'
import { unwrapRpcResponse } from './unwrapRpcResponse.ts'

const decode = (transaction: unknown) => () => decodePumpfunTransaction({ transaction })

describe('unwrapRpcResponse', () => {
  it('accepts the full response, the bare result, and JSON text of either', () => {
    const full = JSON.parse(readPumpfunFixture('sell-121-33LHUzKf.json'))
    expect(unwrapRpcResponse(full)).toBe(full.result)
    expect(unwrapRpcResponse(full.result)).toBe(full.result)
    expect(unwrapRpcResponse(JSON.stringify(full))).toEqual(full.result)
  })

  it.each([
    ['malformed JSON', '{"jsonrpc": "2.0", "result": {', 'not valid JSON'],
    ['empty text', '', 'not valid JSON'],
    ['null', null, 'not an object'],
    ['a number', 42, 'not an object'],
    ['an array', [1, 2], 'not an object'],
    ['an empty object', {}, 'no `transaction` field'],
    [
      'a JSON-RPC error',
      { jsonrpc: '2.0', error: { code: -32602, message: 'Invalid param' }, id: 1 },
      'JSON-RPC error',
    ],
    ['a null result', { jsonrpc: '2.0', result: null, id: 1 }, 'not found'],
    ['a result that is a string', { jsonrpc: '2.0', result: 'abc', id: 1 }, 'not valid JSON'],
  ])('rejects %s with a DecodeError', (_, input, message) => {
    expect(() => unwrapRpcResponse(input)).toThrow(DecodeError)
    expect(() => unwrapRpcResponse(input)).toThrow(message)
  })
})

describe('decodePumpfunTransaction: bad input gives a DecodeError, never a TypeError', () => {
  const wire = JSON.parse(readPumpfunFixture('buy-217-2ghHZXwy.json'))
  const base64: string = wire.transaction[0]

  it.each([
    ['truncated base64 (bad padding)', [base64.slice(0, base64.length - 3), 'base64'], 'not valid base64'],
    ['base64 with a bad character', [`*${base64.slice(1)}`, 'base64'], 'not valid base64'],
    ['a wire transaction cut short', [base64.slice(0, 400), 'base64'], 'truncated'],
    ['an unknown encoding', [base64, 'base32'], 'unsupported transaction encoding'],
    ['an empty array', [], 'unsupported transaction encoding'],
    ['a string', 'abc', 'neither wire bytes nor a JSON message'],
  ])('%s', (_, transaction, message) => {
    expect(decode({ ...wire, transaction })).toThrow(DecodeError)
    expect(decode({ ...wire, transaction })).toThrow(message)
  })

  it.each([
    ['no message', { signatures: [] }, 'message is missing'],
    ['accountKeys not an array', { message: { accountKeys: 'x', instructions: [] } }, 'accountKeys'],
    ['a key that is not an address', { message: { accountKeys: [1], instructions: [] } }, 'accountKeys[0]'],
    ['instructions not an array', { message: { accountKeys: [], instructions: {} } }, 'instructions'],
    [
      'a program index out of range',
      { message: { accountKeys: [], instructions: [{ programIdIndex: 3 }] } },
      'out of range',
    ],
    [
      'bad base58 data',
      { message: { accountKeys: ['x'], instructions: [{ programIdIndex: 0, accounts: [], data: '0OIl' }] } },
      'base58',
    ],
    [
      'accounts not numbers',
      { message: { accountKeys: ['x'], instructions: [{ programIdIndex: 0, accounts: ['a'], data: '' }] } },
      'non-number',
    ],
  ])('json message with %s', (_, transaction, message) => {
    expect(decode({ meta: null, transaction })).toThrow(DecodeError)
    expect(decode({ meta: null, transaction })).toThrow(message)
  })

  it('rejects malformed meta fields', () => {
    expect(decode({ ...wire, meta: { ...wire.meta, innerInstructions: {} } })).toThrow(DecodeError)
    expect(decode({ ...wire, meta: { ...wire.meta, innerInstructions: [{ index: 'x' }] } })).toThrow(
      DecodeError,
    )
    expect(decode({ ...wire, meta: { ...wire.meta, loadedAddresses: { writable: [1] } } })).toThrow(
      DecodeError,
    )
  })

  it('decodes without meta, flagged', () => {
    const tx = decodePumpfunTransaction({ transaction: { ...wire, meta: null } })
    expect(tx.flags).toMatchObject({
      metaMissing: true,
      logsMissing: true,
      innerInstructionsMissing: true,
      failed: false,
    })
    expect(tx.events).toEqual([])
    expect(tx.instructions.map((ix) => ix.name)).toEqual(['buy'])
  })

  it('never throws anything but DecodeError when any field of a real response is replaced', () => {
    for (const name of ['create-366-4SUHkAKc.json', 'sell-121-33LHUzKf.json', 'create-121-3sWBncNG.json']) {
      const original = JSON.parse(readPumpfunFixture(name))
      for (const path of fieldPaths(original)) {
        for (const replacement of [null, 7, 'x', {}, [], true]) {
          const mutated = structuredClone(original)
          setPath(mutated, path, replacement)
          try {
            decodePumpfunTransaction({ transaction: mutated })
          } catch (error) {
            expect(error, `${name} ${path.join('.')} = ${JSON.stringify(replacement)}`).toBeInstanceOf(
              DecodeError,
            )
          }
        }
      }
    }
  })
})

/** Paths to every field, visiting at most the first 3 items of each array. */
function fieldPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return []
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.slice(0, 3).map((v, i) => [i, v])
    : Object.entries(value)
  return entries.flatMap(([k, v]) => [[...prefix, k], ...fieldPaths(v, [...prefix, k])])
}

function setPath(root: unknown, path: (string | number)[], replacement: unknown): void {
  let node = root as Record<string | number, unknown>
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>
  node[path.at(-1)!] = replacement
}
