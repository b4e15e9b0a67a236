import type { Attributes, AttributeValue } from '@opentelemetry/api'
import { SpanStatusCode } from '@opentelemetry/api'
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base'
import { InvalidInputError } from '../errors/AuditError.ts'
import type { AiEvent } from '../events/AiEvent.ts'
import { mustStayPrivate } from '../events/mustStayPrivate.ts'
import { parseAiEvent } from '../events/parseAiEvent.ts'
import { privateFieldNames } from '../events/privateFieldNames.ts'
import { publicFieldKinds } from '../events/publicFieldKinds.ts'
import type { JsonValue } from '../json/JsonValue.ts'
import { hrTimeToUnixNano } from './hrTimeToUnixNano.ts'
import type { SpanToAiEventParameters } from './SpanToAiEventParameters.ts'

/** Attributes of older GenAI conventions, and the field each fills when the current attribute is absent. */
const LEGACY: Readonly<Record<string, string>> = {
  'gen_ai.system': 'gen_ai.provider.name',
  'gen_ai.usage.prompt_tokens': 'gen_ai.usage.input_tokens',
  'gen_ai.usage.completion_tokens': 'gen_ai.usage.output_tokens',
  'gen_ai.openai.request.seed': 'gen_ai.request.seed',
  'gen_ai.prompt': 'gen_ai.input.messages',
  'gen_ai.completion': 'gen_ai.output.messages',
}
/** Span events whose attributes carry GenAI content: older prompt/completion events, current details event. */
const CONTENT_EVENTS = new Set([
  'gen_ai.content.prompt',
  'gen_ai.content.completion',
  'gen_ai.client.inference.operation.details',
])

/**
 * Maps an ended OpenTelemetry span to an {@link AiEvent} after the GenAI semantic conventions. Public
 * `gen_ai.*` attributes become public fields; content attributes (`gen_ai.input.messages`,
 * `gen_ai.output.messages`, `gen_ai.system_instructions`, `gen_ai.tool.call.arguments`,
 * `gen_ai.tool.call.result`, ...), the older `gen_ai.prompt` / `gen_ai.completion` attributes and events and the
 * status message become private fields; other attributes (unknown `gen_ai.*` ones always) go together into the
 * private field `sextant.span.attributes`, other span events into `sextant.span.events`. Trace and span ids, times
 * (exact nanoseconds) and outcome (`error` with `error.type`, `_OTHER` by default) come from the span. Values
 * are kept as recorded (JSON strings stay strings). Throws InvalidInputError if the event is invalid.
 *
 * @example
 * const event = spanToAiEvent(span, { otherAttributes: 'drop' })
 */
export function spanToAiEvent(span: ReadableSpan, parameters: SpanToAiEventParameters = {}): AiEvent {
  const { defaultOperation, otherAttributes = 'private', otherEvents = 'private', limits } = parameters
  // Null-prototype maps: an attribute named `__proto__` becomes a plain key, which validation then refuses.
  const publicFields: { [name: string]: JsonValue } = Object.create(null)
  const privateFields: { [name: string]: JsonValue } = Object.create(null)
  const otherPrivate: { [name: string]: JsonValue } = Object.create(null)
  const otherPublic: { [name: string]: JsonValue } = Object.create(null)
  const put = (name: string, value: AttributeValue | undefined) => {
    if (value === undefined) return
    const field = Object.hasOwn(LEGACY, name) ? LEGACY[name]! : name
    const json = toJson(value)
    if (Object.hasOwn(publicFieldKinds, field)) publicFields[field] ??= json
    else if (privateFieldNames.includes(field)) privateFields[field] ??= json
    else if (otherAttributes === 'drop') return
    else if (otherAttributes === 'private' || mustStayPrivate(field)) otherPrivate[field] ??= json
    else otherPublic[field] ??= json
  }
  const putAll = (source: Attributes = {}) => {
    const names = Object.keys(source)
    for (const name of names.filter((n) => !Object.hasOwn(LEGACY, n))) put(name, source[name])
    for (const name of names.filter((n) => Object.hasOwn(LEGACY, n))) put(name, source[name])
  }
  putAll(span.attributes)
  const otherSpanEvents: JsonValue[] = []
  for (const event of span.events) {
    if (CONTENT_EVENTS.has(event.name)) putAll(event.attributes)
    else if (otherEvents === 'private') {
      const eventAttributes: { [name: string]: JsonValue } = Object.create(null)
      for (const [name, value] of Object.entries(event.attributes ?? {})) {
        if (value !== undefined) eventAttributes[name] = toJson(value)
      }
      otherSpanEvents.push({
        name: event.name,
        time_unix_nano: hrTimeToUnixNano(event.time),
        attributes: eventAttributes,
      })
    }
  }
  if (Object.keys(otherPrivate).length > 0) privateFields['sextant.span.attributes'] = otherPrivate
  if (otherSpanEvents.length > 0) privateFields['sextant.span.events'] = otherSpanEvents
  publicFields['gen_ai.operation.name'] ??= defaultOperation ?? missingOperation(span)
  const failed = span.status.code === SpanStatusCode.ERROR || publicFields['error.type'] !== undefined
  publicFields['sextant.outcome'] = failed ? 'error' : 'ok'
  if (failed) publicFields['error.type'] ??= '_OTHER'
  if (span.status.message) privateFields['error.message'] ??= span.status.message
  const { traceId, spanId } = span.spanContext()
  publicFields.trace_id = traceId
  publicFields.span_id = spanId
  if (span.parentSpanContext) publicFields.parent_span_id = span.parentSpanContext.spanId
  publicFields.start_time_unix_nano = hrTimeToUnixNano(span.startTime)
  if (span.ended) publicFields.end_time_unix_nano = hrTimeToUnixNano(span.endTime)
  if (Object.keys(otherPublic).length > 0) publicFields.attributes = otherPublic
  return parseAiEvent({ ...publicFields, private: privateFields }, limits ? { limits } : {})
}

function toJson(value: AttributeValue): JsonValue {
  return Array.isArray(value) ? value.map((item) => item ?? null) : value
}

function missingOperation(span: ReadableSpan): never {
  throw new InvalidInputError('span has no gen_ai.operation.name', {
    details: `span ${span.spanContext().spanId}; set defaultOperation to audit such spans`,
  })
}
