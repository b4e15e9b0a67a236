import { ExportResultCode } from '@opentelemetry/core'
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base'
import { describe, expect, it } from 'vitest'
import { RecordError } from '../errors/AuditError.ts'
import type { AiEvent } from '../events/AiEvent.ts'
import { openEvent } from '../events/openEvent.ts'
import { type SealEventReturnType, sealEvent } from '../events/sealEvent.ts'
import { AuditSpanExporter } from './AuditSpanExporter.ts'
import { agentContent, runAgent } from './testdata/runAgent.ts'

/** Real ended spans, captured from a provider. */
const captureSpans = (emit: (provider: BasicTracerProvider) => void): ReadableSpan[] => {
  const memory = new InMemorySpanExporter()
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(memory)] })
  emit(provider)
  return memory.getFinishedSpans()
}
const exportOnce = (exporter: AuditSpanExporter, spans: ReadableSpan[]) =>
  new Promise<{ code: ExportResultCode; error?: Error }>((resolve) => exporter.export(spans, resolve))

describe('AuditSpanExporter', () => {
  it('records a whole batch in one call behind a BatchSpanProcessor', async () => {
    const batches: SealEventReturnType[][] = []
    const exporter = new AuditSpanExporter({
      record: async (events) => {
        batches.push(events.map((event) => sealEvent(event)))
      },
    })
    const provider = new BasicTracerProvider({ spanProcessors: [new BatchSpanProcessor(exporter)] })
    runAgent(provider.getTracer('billing-agent'))
    await provider.forceFlush()
    expect(batches).toHaveLength(1)
    const events = batches[0]!.map(openEvent)
    expect(events.map((e) => e['gen_ai.operation.name'])).toEqual([
      'chat',
      'execute_tool',
      'payment',
      'invoke_agent',
    ])
    for (const { entry } of batches[0]!) {
      for (const content of Object.values(agentContent))
        expect(Buffer.from(entry).includes(content)).toBe(false)
    }
    await provider.shutdown()
  })

  it('records the valid events of a batch and reports FAILED for the rest', async () => {
    const spans = captureSpans((provider) => {
      const tracer = provider.getTracer('t')
      tracer.startSpan('ok', { attributes: { 'gen_ai.operation.name': 'chat' } }).end()
      tracer.startSpan('bad', { attributes: { 'gen_ai.operation.name': 'teleport' } }).end()
      tracer.startSpan('http').end()
    })
    const recorded: AiEvent[] = []
    const exporter = new AuditSpanExporter({ record: (events) => recorded.push(...events) })
    const result = await exportOnce(exporter, spans)
    expect(result.code).toBe(ExportResultCode.FAILED)
    expect(result.error).toBeInstanceOf(RecordError)
    expect(result.error?.message).toContain('1 span(s) could not be recorded')
    expect(recorded).toHaveLength(1)
    expect(await exportOnce(exporter, spans.slice(0, 1))).toEqual({ code: ExportResultCode.SUCCESS })
  })

  it('reports a failing sink, skips empty batches, refuses batches after shutdown', async () => {
    const spans = captureSpans((provider) => {
      provider
        .getTracer('t')
        .startSpan('ok', { attributes: { 'gen_ai.operation.name': 'chat' } })
        .end()
    })
    let calls = 0
    const exporter = new AuditSpanExporter({
      record: async () => {
        calls++
        throw new Error('database unavailable')
      },
    })
    const failed = await exportOnce(exporter, spans)
    expect(failed.code).toBe(ExportResultCode.FAILED)
    expect((failed.error as RecordError).shortMessage).toBe('record sink failed')
    expect(await exportOnce(exporter, [])).toEqual({ code: ExportResultCode.SUCCESS })
    expect(calls).toBe(1)
    await exporter.shutdown()
    expect((await exportOnce(exporter, spans)).code).toBe(ExportResultCode.FAILED)
    expect(calls).toBe(1)
  })
})
