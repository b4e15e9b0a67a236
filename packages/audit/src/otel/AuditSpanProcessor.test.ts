import { SpanStatusCode } from '@opentelemetry/api'
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base'
import { describe, expect, it } from 'vitest'
import { type AuditError, RecordError } from '../errors/AuditError.ts'
import type { AiEvent } from '../events/AiEvent.ts'
import { decodeEntry } from '../events/decodeEntry.ts'
import { openEvent } from '../events/openEvent.ts'
import { type SealEventReturnType, sealEvent } from '../events/sealEvent.ts'
import { AuditSpanProcessor, type AuditSpanProcessorParameters } from './AuditSpanProcessor.ts'
import { agentContent, runAgent } from './testdata/runAgent.ts'

/** An audit log stand-in: seals each event as the real sink would, and keeps entries and secrets apart. */
const setup = (options: Partial<AuditSpanProcessorParameters> = {}) => {
  const log: SealEventReturnType[] = []
  const errors: AuditError[] = []
  const processor = new AuditSpanProcessor({
    record: async (event) => {
      log.push(sealEvent(event))
    },
    onError: (error) => errors.push(error),
    ...options,
  })
  const provider = new BasicTracerProvider({ spanProcessors: [processor] })
  return { log, errors, provider, tracer: provider.getTracer('billing-agent') }
}
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes)
/** The provider's forceFlush rejects with the array of its processors' errors. */
const flushErrors = (provider: BasicTracerProvider) =>
  provider.forceFlush().then(
    () => [],
    (errors: unknown[]) => errors,
  )

describe('AuditSpanProcessor with a BasicTracerProvider', () => {
  it('records every GenAI span of an instrumented agent as a sealed event, in end order', async () => {
    const { log, errors, provider, tracer } = setup()
    const agentSpanId = runAgent(tracer)
    await provider.forceFlush()
    expect(errors).toEqual([])
    const events = log.map(openEvent)
    expect(events.map((e) => e['gen_ai.operation.name'])).toEqual([
      'chat',
      'execute_tool',
      'payment',
      'invoke_agent',
    ])

    const [chat, tool, payment, agent] = events as [AiEvent, AiEvent, AiEvent, AiEvent]
    expect(chat).toMatchObject({
      'gen_ai.request.model': 'gpt-4o',
      'gen_ai.response.model': 'gpt-4o-2024-08-06',
      'gen_ai.usage.input_tokens': 120,
      'gen_ai.usage.output_tokens': 31,
      'gen_ai.response.finish_reasons': ['tool_calls'],
      'server.address': 'api.openai.com',
      'sextant.outcome': 'ok',
      parent_span_id: agentSpanId,
      trace_id: agent.trace_id,
    })
    expect(chat.private?.['gen_ai.input.messages']).toContain(agentContent.prompt)
    expect(chat.private?.['gen_ai.output.messages']).toContain(agentContent.completion)
    expect(chat.private?.['gen_ai.system_instructions']).toContain(agentContent.system)
    expect(tool.private).toEqual({
      'gen_ai.tool.call.arguments': agentContent.toolArguments,
      'gen_ai.tool.call.result': agentContent.toolResult,
    })
    expect(payment).toMatchObject({
      'sextant.payment.decision': 'approval',
      'sextant.payment.chain_id': 8453,
    })
    expect(payment.private).toEqual({ 'sextant.payment.to': agentContent.recipient })
    expect(agent.span_id).toBe(agentSpanId)
    expect(BigInt(agent.end_time_unix_nano!)).toBeGreaterThanOrEqual(BigInt(agent.start_time_unix_nano!))
  })

  it('writes no private content into the entries', async () => {
    const { log, provider, tracer } = setup()
    runAgent(tracer)
    await provider.forceFlush()
    const entries = log.map(({ entry }) => Buffer.from(entry))
    for (const content of Object.values(agentContent)) {
      for (const piece of [
        content,
        JSON.stringify(content).slice(1, -1),
        'Grace Hopper',
        '4111',
        'grace@example',
      ]) {
        for (const entry of entries) expect(entry.includes(piece)).toBe(false)
      }
    }
    // The public metadata is readable from the entry alone (after erasure too).
    const chat = decodeEntry(log[0]!.entry)
    expect(chat.kind === 'ai-event' && chat.publicFields['gen_ai.request.model']).toBe('gpt-4o')
  })

  it('maps older conventions: gen_ai.system, prompt_tokens, content events; status message stays private', async () => {
    const { log, provider, tracer } = setup()
    const span = tracer.startSpan('chat', {
      attributes: {
        'gen_ai.system': 'anthropic',
        'gen_ai.usage.prompt_tokens': 5,
        'gen_ai.operation.name': 'chat',
      },
    })
    span.addEvent('gen_ai.content.prompt', { 'gen_ai.prompt': 'What is my balance? IBAN DE89 3704' })
    span.addEvent('gen_ai.content.completion', { 'gen_ai.completion': 'It is 12 EUR' })
    span.addEvent('retry', { attempt: 2 })
    span.setStatus({ code: SpanStatusCode.ERROR, message: 'content filter hit on: IBAN DE89 3704' })
    span.end()
    await provider.forceFlush()
    const event = openEvent(log[0]!)
    expect(event).toMatchObject({
      'gen_ai.provider.name': 'anthropic',
      'gen_ai.usage.input_tokens': 5,
      'sextant.outcome': 'error',
      'error.type': '_OTHER',
      private: {
        'gen_ai.input.messages': 'What is my balance? IBAN DE89 3704',
        'gen_ai.output.messages': 'It is 12 EUR',
        'error.message': 'content filter hit on: IBAN DE89 3704',
        'sextant.span.events': [{ name: 'retry', attributes: { attempt: 2 } }],
      },
    })
    expect(text(log[0]!.entry)).not.toContain('IBAN')
  })

  it('ignores non-GenAI spans unless configured', async () => {
    const ignored = setup()
    ignored.tracer.startSpan('GET /health', { attributes: { 'http.request.method': 'GET' } }).end()
    await ignored.provider.forceFlush()
    expect(ignored.log).toHaveLength(0)

    const all = setup({ filter: () => true, defaultOperation: 'invoke_workflow', otherAttributes: 'public' })
    all.tracer
      .startSpan('GET /health', { attributes: { 'http.request.method': 'GET', 'gen_ai.x': 'y' } })
      .end()
    await all.provider.forceFlush()
    const event = openEvent(all.log[0]!)
    expect(event['gen_ai.operation.name']).toBe('invoke_workflow')
    expect(event.attributes).toEqual({ 'http.request.method': 'GET' })
    expect(event.private).toEqual({ 'sextant.span.attributes': { 'gen_ai.x': 'y' } })
  })

  it('keeps other attributes private by default, or drops them', async () => {
    const attributes = {
      'gen_ai.operation.name': 'embeddings',
      'user.email': 'grace@example.com',
      'gen_ai.prompt.0.content': 'indexed legacy content',
      type: 'reserved name',
      private: 'reserved name',
    }
    const kept = setup()
    kept.tracer.startSpan('embeddings', { attributes }).end()
    await kept.provider.forceFlush()
    expect(openEvent(kept.log[0]!).private).toEqual({
      'sextant.span.attributes': {
        'user.email': 'grace@example.com',
        'gen_ai.prompt.0.content': 'indexed legacy content',
        type: 'reserved name',
        private: 'reserved name',
      },
    })
    expect(text(kept.log[0]!.entry)).not.toContain('grace')
    const dropped = setup({ otherAttributes: 'drop' })
    dropped.tracer.startSpan('embeddings', { attributes }).end()
    await dropped.provider.forceFlush()
    expect(openEvent(dropped.log[0]!).private).toBeUndefined()
  })

  it('reports spans it cannot map without throwing into the application, and fails the flush', async () => {
    const { log, errors, provider, tracer } = setup()
    tracer
      .startSpan('chat', { attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.usage.input_tokens': -3 } })
      .end()
    tracer.startSpan('legacy', { attributes: { 'gen_ai.request.model': 'gpt-4o' } }).end()
    tracer.startSpan('chat', { attributes: { 'gen_ai.operation.name': 'chat' } }).end()
    const [failure, ...more] = await flushErrors(provider)
    expect(more).toEqual([])
    expect(failure).toBeInstanceOf(RecordError)
    expect((failure as RecordError).shortMessage).toBe('2 span(s) could not be recorded')
    expect(errors.map((e) => e.shortMessage)).toEqual([
      'span could not be mapped to an AI event',
      'span could not be mapped to an AI event',
    ])
    expect(String((errors[0]!.cause as AuditError).details)).toContain('gen_ai.usage.input_tokens')
    expect(String((errors[1]!.cause as AuditError).shortMessage)).toBe('span has no gen_ai.operation.name')
    expect(log).toHaveLength(1)
    await expect(provider.forceFlush()).resolves.toBeUndefined()
  })

  it('reports a failing sink and keeps recording', async () => {
    let calls = 0
    const { errors, provider, tracer } = setup({
      record: async () => {
        if (calls++ === 0) throw new Error('disk full')
      },
    })
    for (let i = 0; i < 3; i++)
      tracer.startSpan('chat', { attributes: { 'gen_ai.operation.name': 'chat' } }).end()
    expect(await flushErrors(provider)).toMatchObject([{ shortMessage: '1 span(s) could not be recorded' }])
    expect(calls).toBe(3)
    expect(errors[0]!.shortMessage).toBe('record sink failed')
  })

  it('records one at a time in span-end order even with a slow sink', async () => {
    const order: number[] = []
    let running = 0
    const { provider, tracer } = setup({
      record: async (event) => {
        expect(++running).toBe(1)
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5))
        order.push(event['gen_ai.request.seed']!)
        running--
      },
    })
    for (let seed = 0; seed < 20; seed++) {
      tracer
        .startSpan('chat', { attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.seed': seed } })
        .end()
    }
    await provider.forceFlush()
    expect(order).toEqual(Array.from({ length: 20 }, (_, i) => i))
  })

  it('refuses spans beyond maxPending and after shutdown', async () => {
    let release = () => {}
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const { log, errors, provider, tracer } = setup({
      maxPending: 2,
      record: async (event) => {
        await gate
        log.push(sealEvent(event))
      },
    })
    for (let i = 0; i < 3; i++)
      tracer.startSpan('chat', { attributes: { 'gen_ai.operation.name': 'chat' } }).end()
    expect(errors.map((e) => e.shortMessage)).toEqual(['too many spans waiting for the record sink'])
    release()
    expect(await flushErrors(provider)).toMatchObject([{ shortMessage: '1 span(s) could not be recorded' }])
    expect(log).toHaveLength(2)
    await provider.shutdown()
    tracer.startSpan('chat', { attributes: { 'gen_ai.operation.name': 'chat' } }).end()
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(log).toHaveLength(2)
  })
})
