import type { AiEventPublicFields } from './AiEventPublicFields.ts'
import type { PublicFieldKind } from './PublicFieldKind.ts'

/**
 * The schema of the public AI event fields: each field's value rule. `attributes` (free-form public extras) is
 * checked apart. The `satisfies` clause keeps this table and {@link AiEventPublicFields} in step.
 *
 * @example
 * publicFieldKinds['gen_ai.usage.input_tokens'] // 'count'
 */
export const publicFieldKinds = {
  'gen_ai.operation.name': 'operation',
  'gen_ai.provider.name': 'text',
  'gen_ai.agent.id': 'text',
  'gen_ai.agent.name': 'text',
  'gen_ai.agent.version': 'text',
  'gen_ai.agent.description': 'text',
  'gen_ai.workflow.name': 'text',
  'gen_ai.conversation.id': 'text',
  'session.id': 'text',
  'gen_ai.data_source.id': 'text',
  'gen_ai.request.model': 'text',
  'gen_ai.request.temperature': 'number',
  'gen_ai.request.top_p': 'number',
  'gen_ai.request.top_k': 'number',
  'gen_ai.request.max_tokens': 'count',
  'gen_ai.request.seed': 'integer',
  'gen_ai.request.frequency_penalty': 'number',
  'gen_ai.request.presence_penalty': 'number',
  'gen_ai.request.stop_sequences': 'texts',
  'gen_ai.request.choice.count': 'count',
  'gen_ai.request.stream': 'boolean',
  'gen_ai.output.type': 'text',
  'gen_ai.response.model': 'text',
  'gen_ai.response.id': 'text',
  'gen_ai.response.finish_reasons': 'texts',
  'gen_ai.usage.input_tokens': 'count',
  'gen_ai.usage.output_tokens': 'count',
  'gen_ai.usage.cache_read.input_tokens': 'count',
  'gen_ai.usage.cache_creation.input_tokens': 'count',
  'gen_ai.usage.reasoning.output_tokens': 'count',
  'gen_ai.tool.name': 'text',
  'gen_ai.tool.call.id': 'text',
  'gen_ai.tool.type': 'text',
  'gen_ai.tool.description': 'text',
  'server.address': 'text',
  'server.port': 'port',
  'sextant.outcome': 'outcome',
  'error.type': 'text',
  trace_id: 'traceId',
  span_id: 'spanId',
  parent_span_id: 'spanId',
  start_time_unix_nano: 'unixNano',
  end_time_unix_nano: 'unixNano',
  'sextant.payment.decision': 'decision',
  'sextant.payment.rule': 'text',
  'sextant.payment.chain_id': 'chainId',
  'sextant.payment.tx_hash': 'txHash',
  'sextant.payment.value': 'amount',
  'sextant.payment.asset': 'text',
} as const satisfies Record<Exclude<keyof AiEventPublicFields, 'attributes'>, PublicFieldKind>
