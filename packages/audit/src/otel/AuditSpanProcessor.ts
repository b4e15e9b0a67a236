import { globalErrorHandler } from '@opentelemetry/core'
import type { ReadableSpan, SpanProcessor } from '@opentelemetry/sdk-trace-base'
import { type AuditError, RecordError } from '../errors/AuditError.ts'
import type { AiEvent } from '../events/AiEvent.ts'
import { isGenAiSpan } from './isGenAiSpan.ts'
import type { SpanToAiEventParameters } from './SpanToAiEventParameters.ts'
import { spanLabel } from './spanLabel.ts'
import { spanToAiEvent } from './spanToAiEvent.ts'

/** Parameters of {@link AuditSpanProcessor}. */
export type AuditSpanProcessorParameters = SpanToAiEventParameters & {
  /** The sink, e.g. seal and append to the audit log. Called once per span, in span-end order, one at a time. */
  record: (event: AiEvent) => Promise<unknown> | unknown
  /** Which ended spans to audit. Default: {@link isGenAiSpan}. */
  filter?: (span: ReadableSpan) => boolean
  /** Told of each span that could not be recorded. Default: OpenTelemetry's global error handler. */
  onError?: (error: AuditError) => void
  /** Most spans waiting for the sink; beyond it, spans are refused and reported. Default 10,000. */
  maxPending?: number
}

/**
 * OpenTelemetry span processor that turns every ended GenAI span into an {@link AiEvent} (see
 * `spanToAiEvent`) and hands it to `record`, with no change to the instrumented code. Records run one at a time
 * in span-end order. A span that cannot be mapped or recorded never throws into the application: it is reported
 * to `onError`, and the next `forceFlush` (or `shutdown`) rejects with a RecordError counting the failures, so a
 * caller can tell that every audited span reached the log. For batched writes use `AuditSpanExporter` behind a
 * `BatchSpanProcessor`.
 *
 * @example
 * const provider = new BasicTracerProvider({
 *   spanProcessors: [new AuditSpanProcessor({ record: (event) => log.append(sealEvent(event)) })],
 * })
 */
export class AuditSpanProcessor implements SpanProcessor {
  readonly #parameters: AuditSpanProcessorParameters
  #tail: Promise<void> = Promise.resolve()
  #pending = 0
  #failures: AuditError[] = []
  #shutDown = false

  constructor(parameters: AuditSpanProcessorParameters) {
    this.#parameters = parameters
  }

  onStart(): void {}

  onEnd(span: ReadableSpan): void {
    const { record, filter = isGenAiSpan, maxPending = 10_000 } = this.#parameters
    if (this.#shutDown || !filter(span)) return
    const where = spanLabel(span)
    let event: AiEvent
    try {
      event = spanToAiEvent(span, this.#parameters)
    } catch (cause) {
      this.#fail(new RecordError('span could not be mapped to an AI event', { details: where, cause }))
      return
    }
    if (this.#pending >= maxPending) {
      this.#fail(new RecordError('too many spans waiting for the record sink', { details: where }))
      return
    }
    this.#pending++
    this.#tail = this.#tail
      .then(() => record(event))
      .then(
        () => undefined,
        (cause) => this.#fail(new RecordError('record sink failed', { details: where, cause })),
      )
      .finally(() => {
        this.#pending--
      })
  }

  /** Waits for every record under way; rejects with a RecordError if any span since the last flush failed. */
  async forceFlush(): Promise<void> {
    await this.#tail
    const failures = this.#failures.splice(0)
    if (failures.length > 0) {
      throw new RecordError(`${failures.length} span(s) could not be recorded`, {
        details: failures.map((failure) => failure.details).join('; '),
        cause: failures[0],
      })
    }
  }

  /** Stops accepting spans, then flushes. */
  async shutdown(): Promise<void> {
    this.#shutDown = true
    await this.forceFlush()
  }

  #fail(error: AuditError): void {
    this.#failures.push(error)
    const { onError = globalErrorHandler } = this.#parameters
    try {
      onError(error)
    } catch {
      // A failing error handler must not break the instrumented application.
    }
  }
}
