import type { ReadableSpan } from '@opentelemetry/sdk-trace-base'

/**
 * Names a span in error details by its trace and span ids only: span names and attributes may hold private
 * content, and error details end up in application logs.
 *
 * @example
 * spanLabel(span) // 'span 00f067aa0ba902b7 of trace 4bf92f3577b34da6a3ce929d0e0e4736'
 */
export function spanLabel(span: ReadableSpan): string {
  const { spanId, traceId } = span.spanContext()
  return `span ${spanId} of trace ${traceId}`
}
