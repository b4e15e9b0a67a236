import type { JsonValue } from '../json/JsonValue.ts'
import type { AiOperation } from './AiOperation.ts'
import type { PaymentDecision } from './PaymentDecision.ts'

/**
 * Fields of an AI event written in clear into the log, which can never be erased: metadata only. Names follow
 * the OpenTelemetry GenAI semantic conventions (`gen_ai.*`); span identity and timing use the OTLP field names
 * (ids as lowercase hex, times as decimal strings of nanoseconds since the Unix epoch, exact beyond 2^53);
 * Sextant's own fields are `sextant.*`.
 *
 * @example
 * const fields: AiEventPublicFields = { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'gpt-4o' }
 */
export type AiEventPublicFields = {
  'gen_ai.operation.name': AiOperation
  'gen_ai.provider.name'?: string
  'gen_ai.agent.id'?: string
  'gen_ai.agent.name'?: string
  'gen_ai.agent.version'?: string
  'gen_ai.agent.description'?: string
  'gen_ai.workflow.name'?: string
  'gen_ai.conversation.id'?: string
  'session.id'?: string
  'gen_ai.data_source.id'?: string
  'gen_ai.request.model'?: string
  'gen_ai.request.temperature'?: number
  'gen_ai.request.top_p'?: number
  'gen_ai.request.top_k'?: number
  'gen_ai.request.max_tokens'?: number
  'gen_ai.request.seed'?: number
  'gen_ai.request.frequency_penalty'?: number
  'gen_ai.request.presence_penalty'?: number
  'gen_ai.request.stop_sequences'?: string[]
  'gen_ai.request.choice.count'?: number
  'gen_ai.request.stream'?: boolean
  'gen_ai.output.type'?: string
  'gen_ai.response.model'?: string
  'gen_ai.response.id'?: string
  'gen_ai.response.finish_reasons'?: string[]
  'gen_ai.usage.input_tokens'?: number
  'gen_ai.usage.output_tokens'?: number
  'gen_ai.usage.cache_read.input_tokens'?: number
  'gen_ai.usage.cache_creation.input_tokens'?: number
  'gen_ai.usage.reasoning.output_tokens'?: number
  'gen_ai.tool.name'?: string
  'gen_ai.tool.call.id'?: string
  'gen_ai.tool.type'?: string
  'gen_ai.tool.description'?: string
  'server.address'?: string
  'server.port'?: number
  /** `ok`, or `error` with `error.type` (`_OTHER` when unknown). */
  'sextant.outcome'?: 'ok' | 'error'
  'error.type'?: string
  trace_id?: string
  span_id?: string
  parent_span_id?: string
  start_time_unix_nano?: string
  end_time_unix_nano?: string
  /** Required when the operation is `payment`; payment fields are refused on other operations. */
  'sextant.payment.decision'?: PaymentDecision
  'sextant.payment.rule'?: string
  /** EIP-155 chain id. */
  'sextant.payment.chain_id'?: number
  /** `0x` and 64 hex digits. */
  'sextant.payment.tx_hash'?: string
  /** Amount in the asset's base units, as a decimal string. */
  'sextant.payment.value'?: string
  'sextant.payment.asset'?: string
  /** Further public attributes; names that must stay private (content, unknown `gen_ai.*`) are refused. */
  attributes?: { [name: string]: JsonValue }
}
