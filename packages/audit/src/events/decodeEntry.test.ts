import { describe, expect, it } from 'vitest'
import { InvalidInputError } from '../errors/AuditError.ts'
import { decodeEntry } from './decodeEntry.ts'
import { openEvent } from './openEvent.ts'
import { sealEvent } from './sealEvent.ts'
import { sampleEvents } from './testdata/sampleEvents.ts'

const utf8 = (text: string) => new TextEncoder().encode(text)
const digest = 'A'.repeat(43)

describe('decodeEntry', () => {
  it('decodes a sealed event without its secret', () => {
    const { entry } = sealEvent(sampleEvents.payment, { padDigestsTo: 4 })
    const decoded = decodeEntry(entry)
    const { private: _, ...publicFields } = sampleEvents.payment
    expect(decoded).toEqual({ kind: 'ai-event', publicFields, digests: expect.any(Array) })
    expect(decoded.kind === 'ai-event' && decoded.digests).toHaveLength(4)
  })

  it.each([
    ['empty bytes', new Uint8Array()],
    ['text', utf8('hello')],
    ['binary', new Uint8Array([0x7b, 0xff, 0xfe])],
    ['broken JSON', utf8('{"type":')],
    ['a JSON array', utf8('["sextant.ai-event/v1"]')],
    ['a JSON object without type', utf8('{"a":1}')],
    ['another type', utf8('{"type":"sextant.ai-event/v2"}')],
    ['a leading BOM', utf8('\ufeff{"type":"sextant.ai-event/v1"}')],
  ])('treats %s as opaque', (_, entry) => {
    expect(decodeEntry(entry)).toEqual({ kind: 'opaque' })
  })

  it.each([
    [
      'not canonical',
      `{"_sd":[], "_sd_alg":"sha-256","gen_ai.operation.name":"chat","type":"sextant.ai-event/v1"}`,
    ],
    [
      'duplicate members',
      `{"_sd":[],"_sd_alg":"sha-256","gen_ai.operation.name":"chat","gen_ai.operation.name":"chat","type":"sextant.ai-event/v1"}`,
    ],
    [
      'another digest algorithm',
      `{"_sd":[],"_sd_alg":"sha-512","gen_ai.operation.name":"chat","type":"sextant.ai-event/v1"}`,
    ],
    ['no _sd', `{"_sd_alg":"sha-256","gen_ai.operation.name":"chat","type":"sextant.ai-event/v1"}`],
    [
      'a short digest',
      `{"_sd":["abc"],"_sd_alg":"sha-256","gen_ai.operation.name":"chat","type":"sextant.ai-event/v1"}`,
    ],
    [
      'unsorted digests',
      `{"_sd":["${'B'.repeat(43)}","${digest}"],"_sd_alg":"sha-256","gen_ai.operation.name":"chat","type":"sextant.ai-event/v1"}`,
    ],
    [
      'repeated digests',
      `{"_sd":["${digest}","${digest}"],"_sd_alg":"sha-256","gen_ai.operation.name":"chat","type":"sextant.ai-event/v1"}`,
    ],
    [
      'content in clear',
      `{"_sd":[],"_sd_alg":"sha-256","gen_ai.input.messages":"hi","gen_ai.operation.name":"chat","type":"sextant.ai-event/v1"}`,
    ],
    ['no operation', `{"_sd":[],"_sd_alg":"sha-256","type":"sextant.ai-event/v1"}`],
    [
      'a __proto__ member',
      `{"__proto__":{},"_sd":[],"_sd_alg":"sha-256","gen_ai.operation.name":"chat","type":"sextant.ai-event/v1"}`,
    ],
  ])('rejects a typed entry with %s', (_, text) => {
    expect(() => decodeEntry(utf8(text))).toThrow(InvalidInputError)
  })

  it('reads entries sealed under larger limits than the defaults', () => {
    const description = 'd'.repeat(10_000)
    const event = {
      'gen_ai.operation.name': 'create_agent',
      'gen_ai.agent.description': description,
    } as const
    const sealed = sealEvent(event, { limits: { maxPublicFieldBytes: 20_000 } })
    const decoded = decodeEntry(sealed.entry)
    expect(decoded.kind === 'ai-event' && decoded.publicFields['gen_ai.agent.description']).toBe(description)
    expect(openEvent(sealed)).toEqual(event)
  })
})
