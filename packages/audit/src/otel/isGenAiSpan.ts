import type { ReadableSpan } from '@opentelemetry/sdk-trace-base'

/**
 * The default span filter of the audit processor and exporter: a span is a GenAI span when it has a `gen_ai.*`
 * attribute or a `gen_ai.*` event (e.g. `gen_ai.content.prompt` of older conventions).
 *
 * @example
 * new AuditSpanProcessor({ record, filter: (span) => isGenAiSpan(span) || span.name.startsWith('wallet.') })
 */
export function isGenAiSpan(span: ReadableSpan): boolean {
  return (
    Object.keys(span.attributes).some((name) => name.startsWith('gen_ai.')) ||
    span.events.some((event) => event.name.startsWith('gen_ai.'))
  )
}
