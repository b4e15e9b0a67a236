import { type ExportResult, ExportResultCode } from '@opentelemetry/core'
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base'
import { RecordError } from '../errors/AuditError.ts'
import type { AiEvent } from '../events/AiEvent.ts'
import { isGenAiSpan } from './isGenAiSpan.ts'
import type { SpanToAiEventParameters } from './SpanToAiEventParameters.ts'
import { spanLabel } from './spanLabel.ts'
import { spanToAiEvent } from './spanToAiEvent.ts'

/** Parameters of {@link AuditSpanExporter}. */
export type AuditSpanExporterParameters = SpanToAiEventParameters & {
  /** The batch sink, e.g. seal each event and append them in one transaction. Not called for an empty batch. */
  record: (events: AiEvent[]) => Promise<unknown> | unknown
  /** Which spans to audit. Default: {@link isGenAiSpan}. */
  filter?: (span: ReadableSpan) => boolean
}

/**
 * OpenTelemetry span exporter that records GenAI spans as {@link AiEvent}s (see `spanToAiEvent`) in batches:
 * put it behind a `BatchSpanProcessor` so that one `record` call (one log transaction) covers many spans. The
 * valid events of a batch are recorded; the batch reports FAILED, with a RecordError, if any span could not be
 * mapped or the sink failed (the processor hands that to OpenTelemetry's global error handler).
 *
 * @example
 * const exporter = new AuditSpanExporter({
 *   record: (events) => storage.appendEntries(events.map((e) => { const s = sealEvent(e); return { data: s.entry, secret: s.secret } })),
 * })
 * const provider = new BasicTracerProvider({ spanProcessors: [new BatchSpanProcessor(exporter)] })
 */
export class AuditSpanExporter implements SpanExporter {
  readonly #parameters: AuditSpanExporterParameters
  readonly #pending = new Set<Promise<void>>()
  #shutDown = false

  constructor(parameters: AuditSpanExporterParameters) {
    this.#parameters = parameters
  }

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    if (this.#shutDown) {
      resultCallback({ code: ExportResultCode.FAILED, error: new RecordError('exporter is shut down') })
      return
    }
    const { record, filter = isGenAiSpan } = this.#parameters
    const events: AiEvent[] = []
    const failures: RecordError[] = []
    for (const span of spans.filter((s) => filter(s))) {
      try {
        events.push(spanToAiEvent(span, this.#parameters))
      } catch (cause) {
        const details = spanLabel(span)
        failures.push(new RecordError('span could not be mapped to an AI event', { details, cause }))
      }
    }
    const done = Promise.resolve()
      .then(() => (events.length > 0 ? record(events) : undefined))
      .then(
        () => {
          if (failures.length === 0) return resultCallback({ code: ExportResultCode.SUCCESS })
          const error = new RecordError(`${failures.length} span(s) could not be recorded`, {
            details: failures.map((failure) => failure.details).join('; '),
            cause: failures[0],
          })
          resultCallback({ code: ExportResultCode.FAILED, error })
        },
        (cause) => {
          const details = `${events.length} event(s) not recorded`
          resultCallback({
            code: ExportResultCode.FAILED,
            error: new RecordError('record sink failed', { details, cause }),
          })
        },
      )
      .finally(() => this.#pending.delete(done))
    this.#pending.add(done)
  }

  /** Waits for every batch under way. */
  async forceFlush(): Promise<void> {
    await Promise.all(this.#pending)
  }

  /** Refuses further batches, then waits for those under way. */
  async shutdown(): Promise<void> {
    this.#shutDown = true
    await this.forceFlush()
  }
}
