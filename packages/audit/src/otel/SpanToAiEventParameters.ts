import type { AiEventLimits } from '../events/AiEventLimits.ts'
import type { AiOperation } from '../events/AiOperation.ts'

/**
 * How spans become AI events (see `spanToAiEvent`).
 *
 * @example
 * const options: SpanToAiEventParameters = { defaultOperation: 'chat', otherAttributes: 'drop' }
 */
export type SpanToAiEventParameters = {
  /** Operation of spans without `gen_ai.operation.name`. Default: none, such a span is refused. */
  defaultOperation?: AiOperation
  /**
   * Where span attributes outside the event model go: `private` (default: together, as the private field
   * `sextant.span.attributes`), `public` (into `attributes`, except names that must stay private, such as
   * unknown `gen_ai.*`, which stay in `sextant.span.attributes`), or `drop` (those too).
   */
  otherAttributes?: 'private' | 'public' | 'drop'
  /** Span events other than GenAI content events: kept in the private field `sextant.span.events` (default), or dropped. */
  otherEvents?: 'private' | 'drop'
  /** Size limits of the event. */
  limits?: AiEventLimits
}
