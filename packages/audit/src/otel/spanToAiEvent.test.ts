import { SpanStatusCode } from '@opentelemetry/api'
import { hrTimeToNanoseconds } from '@opentelemetry/core'
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base'
import { describe, expect, it } from 'vitest'
import { InvalidInputError } from '../errors/AuditError.ts'
import { hrTimeToUnixNano } from './hrTimeToUnixNano.ts'
import { isGenAiSpan } from './isGenAiSpan.ts'
import { spanToAiEvent } from './spanToAiEvent.ts'

const oneSpan = (emit: (tracer: ReturnType<BasicTracerProvider['getTracer']>) => void) => {
  const memory = new InMemorySpanExporter()
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(memory)] })
  emit(provider.getTracer('t'))
  const [span] = memory.getFinishedSpans()
  return span!
}

describe('hrTimeToUnixNano', () => {
  it('is exact where hrTimeToNanoseconds rounds', () => {
    expect(hrTimeToUnixNano([1767225600, 123456789])).toBe('1767225600123456789')
    expect(String(hrTimeToNanoseconds([1767225600, 123456789]))).not.toBe('1767225600123456789')
    expect(hrTimeToUnixNano([0, 0])).toBe('0')
  })
})

describe('spanToAiEvent', () => {
  it('takes times, ids and outcome from the span', () => {
    const start = new Date('2026-01-01T00:00:00.000Z')
    const span = oneSpan((tracer) => {
      const s = tracer.startSpan('chat', {
        startTime: start,
        attributes: { 'gen_ai.operation.name': 'chat' },
      })
      s.setAttribute('error.type', 'rate_limited')
      s.end(new Date('2026-01-01T00:00:01.500Z'))
    })
    const event = spanToAiEvent(span)
    expect(event).toEqual({
      'gen_ai.operation.name': 'chat',
      'error.type': 'rate_limited',
      'sextant.outcome': 'error',
      trace_id: span.spanContext().traceId,
      span_id: span.spanContext().spanId,
      start_time_unix_nano: '1767225600000000000',
      end_time_unix_nano: '1767225601500000000',
    })
  })

  it('reads content from the current details event and drops other events on request', () => {
    const span = oneSpan((tracer) => {
      const s = tracer.startSpan('chat', { attributes: { 'gen_ai.operation.name': 'chat' } })
      s.addEvent('gen_ai.client.inference.operation.details', {
        'gen_ai.input.messages': '[{"role":"user"}]',
        'gen_ai.usage.output_tokens': 3,
      })
      s.addEvent('exception', { 'exception.message': 'boom' })
      s.setStatus({ code: SpanStatusCode.OK })
      s.end()
    })
    const event = spanToAiEvent(span, { otherEvents: 'drop' })
    expect(event['gen_ai.usage.output_tokens']).toBe(3)
    expect(event['sextant.outcome']).toBe('ok')
    expect(event.private).toEqual({ 'gen_ai.input.messages': '[{"role":"user"}]' })
  })

  it('prefers current attributes over older ones, and keeps null array items', () => {
    const span = oneSpan((tracer) => {
      tracer
        .startSpan('chat', {
          attributes: {
            'gen_ai.operation.name': 'chat',
            'gen_ai.system': 'old',
            'gen_ai.provider.name': 'new',
            'gen_ai.prompt': 'old prompt',
            'gen_ai.input.messages': 'new prompt',
            'custom.list': [1, null, 3],
          },
        })
        .end()
    })
    const event = spanToAiEvent(span)
    expect(event['gen_ai.provider.name']).toBe('new')
    expect(event.private).toEqual({
      'gen_ai.input.messages': 'new prompt',
      'sextant.span.attributes': { 'custom.list': [1, null, 3] },
    })
  })

  it('refuses an attribute named __proto__ instead of polluting prototypes', () => {
    const real = oneSpan((tracer) => tracer.startSpan('chat').end())
    // As a span from another SDK or a deserialized one could carry it: an own `__proto__` attribute.
    const attributes = JSON.parse('{"gen_ai.operation.name":"chat","__proto__":{"polluted":true}}')
    const span = {
      ...real,
      status: real.status,
      attributes,
      spanContext: () => real.spanContext(),
    } as ReadableSpan
    expect(() => spanToAiEvent(span)).toThrow('__proto__')
    expect(spanToAiEvent(span, { otherAttributes: 'drop' })['gen_ai.operation.name']).toBe('chat')
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined()
  })

  it('applies size limits', () => {
    const span = oneSpan((tracer) => {
      tracer
        .startSpan('chat', {
          attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.input.messages': 'x'.repeat(200) },
        })
        .end()
    })
    expect(() => spanToAiEvent(span, { limits: { maxPrivateFieldBytes: 100 } })).toThrow(InvalidInputError)
  })

  it('isGenAiSpan looks at attributes and events', () => {
    const byEvent = oneSpan((tracer) => {
      const s = tracer.startSpan('legacy')
      s.addEvent('gen_ai.content.prompt', { 'gen_ai.prompt': 'hi' })
      s.end()
    })
    const plain = oneSpan((tracer) => tracer.startSpan('GET /').end())
    expect(isGenAiSpan(byEvent)).toBe(true)
    expect(isGenAiSpan(plain)).toBe(false)
    expect(spanToAiEvent(byEvent, { defaultOperation: 'text_completion' }).private).toEqual({
      'gen_ai.input.messages': 'hi',
    })
  })
})
