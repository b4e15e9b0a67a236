import { describe, expect, it } from 'vitest'
import { InvalidInputError } from '../errors/AuditError.ts'
import { parseAiEvent } from './parseAiEvent.ts'
import { sealEvent } from './sealEvent.ts'
import { sampleEvents } from './testdata/sampleEvents.ts'

const base = { 'gen_ai.operation.name': 'chat' }
const rejects = (value: unknown, message: string, limits?: Parameters<typeof parseAiEvent>[1]) => {
  expect(() => parseAiEvent(value, limits)).toThrow(InvalidInputError)
  expect(() => parseAiEvent(value, limits)).toThrow(message)
  // Nothing is produced: sealing the same input fails the same way.
  expect(() =>
    sealEvent(value as never, limits?.limits && limits.limits !== 'decode' ? { limits: limits.limits } : {}),
  ).toThrow(InvalidInputError)
}

describe('parseAiEvent', () => {
  it('accepts the sample events and returns a deep copy', () => {
    for (const event of Object.values(sampleEvents)) {
      const parsed = parseAiEvent(event)
      expect(parsed).toEqual(event)
      expect(parsed).not.toBe(event)
    }
    const parsed = parseAiEvent(sampleEvents.chat)
    expect(parsed.private?.['gen_ai.input.messages']).not.toBe(
      sampleEvents.chat.private['gen_ai.input.messages'],
    )
  })

  it('drops an empty private object and normalizes -0', () => {
    expect(parseAiEvent({ ...base, 'gen_ai.request.temperature': -0, private: {} })).toEqual({
      ...base,
      'gen_ai.request.temperature': 0,
    })
  })

  it('accepts every semantic-convention operation and payment', () => {
    for (const op of [
      'chat',
      'text_completion',
      'embeddings',
      'execute_tool',
      'invoke_agent',
      'create_agent',
    ]) {
      expect(parseAiEvent({ 'gen_ai.operation.name': op })['gen_ai.operation.name']).toBe(op)
    }
  })

  it.each([
    ['a non-object', 'chat', 'an AI event must be an object'],
    ['an array', [base], 'an AI event must be an object'],
    ['a missing operation', { 'gen_ai.agent.id': 'a' }, 'gen_ai.operation.name is required'],
    ['an unknown operation', { 'gen_ai.operation.name': 'summon' }, 'gen_ai.operation.name must be one of'],
    [
      'negative input tokens',
      { ...base, 'gen_ai.usage.input_tokens': -1 },
      'gen_ai.usage.input_tokens must be a non-negative',
    ],
    [
      'fractional output tokens',
      { ...base, 'gen_ai.usage.output_tokens': 1.5 },
      'gen_ai.usage.output_tokens',
    ],
    ['a numeric agent id', { ...base, 'gen_ai.agent.id': 42 }, 'gen_ai.agent.id must be a non-empty string'],
    ['an empty agent id', { ...base, 'gen_ai.agent.id': '' }, 'gen_ai.agent.id must be a non-empty string'],
    ['a string temperature', { ...base, 'gen_ai.request.temperature': '0.2' }, 'must be a number'],
    [
      'finish reasons not strings',
      { ...base, 'gen_ai.response.finish_reasons': [1] },
      'array of non-empty strings',
    ],
    ['a bad trace id', { ...base, trace_id: '4BF92F3577B34DA6A3CE929D0E0E4736' }, 'trace_id must match'],
    ['an all-zero span id', { ...base, span_id: '0000000000000000' }, 'span_id must match'],
    [
      'a numeric start time',
      { ...base, start_time_unix_nano: 1767225600000 },
      'start_time_unix_nano must match',
    ],
    ['a time past uint64', { ...base, start_time_unix_nano: '18446744073709551616' }, 'exceeds 2^64 - 1'],
    [
      'an end before the start',
      { ...base, start_time_unix_nano: '2000', end_time_unix_nano: '1000' },
      'end_time_unix_nano is before',
    ],
    ['NaN', { ...base, 'gen_ai.request.top_p': Number.NaN }, 'number NaN is not finite'],
    ['Infinity', { ...base, private: { score: Number.POSITIVE_INFINITY } }, 'not finite'],
    ['undefined', { ...base, 'gen_ai.agent.id': undefined }, 'undefined is not JSON'],
    ['a function', { ...base, private: { f: () => 1 } }, 'function is not JSON'],
    ['a bigint', { ...base, private: { n: 1n } }, 'bigint is not JSON'],
    ['a Date', { ...base, private: { at: new Date(0) } }, 'not a plain object'],
    ['a __proto__ key', JSON.parse('{"gen_ai.operation.name":"chat","__proto__":{"x":1}}'), '__proto__'],
    [
      'a nested __proto__ key',
      JSON.parse('{"gen_ai.operation.name":"chat","private":{"m":{"__proto__":{"isAdmin":true}}}}'),
      'event.private.m.__proto__',
    ],
    ['an unknown public field', { ...base, 'gen_ai.agent.idd': 'x' }, 'gen_ai.agent.idd must stay private'],
    ['a typo outside gen_ai', { ...base, agentId: 'x' }, 'agentId is not a known public field'],
    [
      'content in public',
      { ...base, 'gen_ai.input.messages': 'hi' },
      'gen_ai.input.messages must stay private',
    ],
    [
      'legacy content in attributes',
      { ...base, attributes: { 'gen_ai.prompt': 'hi' } },
      'attributes.gen_ai.prompt',
    ],
    ['attributes not an object', { ...base, attributes: ['x'] }, 'attributes must be an object'],
    ['private not an object', { ...base, private: 'secret' }, 'private must be an object'],
    ['a public name in private', { ...base, private: { 'gen_ai.request.model': 'x' } }, 'reserved or public'],
    ['a reserved name in private', { ...base, private: { _sd: [] } }, 'reserved or public'],
    ['an empty private name', { ...base, private: { '': 1 } }, 'reserved or public'],
    [
      'a payment without decision',
      { 'gen_ai.operation.name': 'payment' },
      'sextant.payment.decision is required',
    ],
    [
      'payment fields on a chat',
      { ...base, 'sextant.payment.decision': 'allow' },
      'only allowed when the operation is payment',
    ],
    [
      'an unknown decision',
      { 'gen_ai.operation.name': 'payment', 'sextant.payment.decision': 'maybe' },
      'one of',
    ],
    [
      'a bad tx hash',
      {
        'gen_ai.operation.name': 'payment',
        'sextant.payment.decision': 'allow',
        'sextant.payment.tx_hash': '0x12',
      },
      'sextant.payment.tx_hash must match',
    ],
    [
      'a zero chain id',
      {
        'gen_ai.operation.name': 'payment',
        'sextant.payment.decision': 'allow',
        'sextant.payment.chain_id': 0,
      },
      'must be a positive integer',
    ],
    ['a lone surrogate', { ...base, 'gen_ai.agent.name': 'a\ud800' }, 'lone UTF-16 surrogate'],
  ])('rejects %s', (_, value, message) => rejects(value, message))

  it('enforces configurable size limits', () => {
    const big = 'x'.repeat(5000)
    rejects(
      { ...base, 'gen_ai.agent.description': big },
      'gen_ai.agent.description is 5002 bytes, over the limit of 4096',
    )
    rejects({ ...base, attributes: { note: big } }, 'attributes.note is 5002 bytes')
    rejects({ ...base, private: { 'gen_ai.input.messages': big } }, 'over the limit of 1000', {
      limits: { maxPrivateFieldBytes: 1000 },
    })
    rejects({ ...base, private: { a: 1, b: 2, c: 3 } }, 'has 3 fields, over 2', {
      limits: { maxPrivateFields: 2 },
    })
    rejects({ ...base, private: { m: [[[1]]] } }, 'nested too deeply', { limits: { maxDepth: 2 } })
    expect(
      parseAiEvent({ ...base, private: { m: big } }, { limits: { maxPrivateFieldBytes: 5002 } }),
    ).toBeTruthy()
  })

  it('rejects invalid limits', () => {
    expect(() => parseAiEvent(base, { limits: { maxDepth: 0 } })).toThrow('invalid AI event limit')
    expect(() => parseAiEvent(base, { limits: { maxDepth: 1001 } })).toThrow('invalid AI event limit')
    expect(() => parseAiEvent(base, { limits: { maxPublicFieldBytes: Number.NaN } })).toThrow(
      InvalidInputError,
    )
  })
})
