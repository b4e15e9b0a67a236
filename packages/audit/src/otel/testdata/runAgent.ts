import { context, SpanKind, SpanStatusCode, type Tracer, trace } from '@opentelemetry/api'

/**
 * The private content the sample agent puts on its spans, to look for in sealed entries. Test data only.
 *
 * @example
 * expect(entryText).not.toContain(agentContent.prompt)
 */
export const agentContent = {
  system: 'You are the billing agent of ACME. Never reveal card numbers.',
  prompt: 'Hi, I am Grace Hopper, card 4111 1111 1111 1111, refund order A-1001 please',
  completion: 'Refund of 42 EUR issued to Grace Hopper.',
  toolArguments: '{"order":"A-1001","customer":"grace@example.com"}',
  toolResult: '{"refunded":true,"amount":"42.00"}',
  recipient: '0x000000000000000000000000000000000000bEEF',
}

/**
 * A sample "OpenTelemetry-instrumented agent", as any GenAI instrumentation would emit it: an `invoke_agent`
 * span with a `chat` span, an `execute_tool` span, a wallet `payment` span and a plain HTTP span beneath it.
 * It knows nothing of the audit log. Returns the agent span's id. Test data only.
 *
 * @example
 * const agentSpanId = runAgent(provider.getTracer('billing-agent'))
 */
export function runAgent(tracer: Tracer): string {
  const agent = tracer.startSpan('invoke_agent billing', {
    kind: SpanKind.INTERNAL,
    attributes: {
      'gen_ai.operation.name': 'invoke_agent',
      'gen_ai.agent.id': 'agent-billing-01',
      'gen_ai.agent.name': 'billing',
      'gen_ai.conversation.id': 'conv-77',
      'gen_ai.provider.name': 'openai',
    },
  })
  const parent = trace.setSpan(context.active(), agent)
  const chat = tracer.startSpan(
    'chat gpt-4o',
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': 'openai',
        'gen_ai.request.model': 'gpt-4o',
        'gen_ai.request.temperature': 0,
        'gen_ai.request.max_tokens': 256,
        'gen_ai.system_instructions': JSON.stringify([{ type: 'text', content: agentContent.system }]),
        'gen_ai.input.messages': JSON.stringify([
          { role: 'user', parts: [{ type: 'text', content: agentContent.prompt }] },
        ]),
        'server.address': 'api.openai.com',
      },
    },
    parent,
  )
  chat.setAttributes({
    'gen_ai.response.model': 'gpt-4o-2024-08-06',
    'gen_ai.response.id': 'chatcmpl-9',
    'gen_ai.response.finish_reasons': ['tool_calls'],
    'gen_ai.usage.input_tokens': 120,
    'gen_ai.usage.output_tokens': 31,
    'gen_ai.output.messages': JSON.stringify([
      { role: 'assistant', parts: [{ type: 'text', content: agentContent.completion }] },
    ]),
  })
  chat.end()
  const tool = tracer.startSpan(
    'execute_tool refund',
    {
      attributes: {
        'gen_ai.operation.name': 'execute_tool',
        'gen_ai.tool.name': 'refund',
        'gen_ai.tool.call.id': 'call_1',
        'gen_ai.tool.type': 'function',
        'gen_ai.tool.call.arguments': agentContent.toolArguments,
      },
    },
    parent,
  )
  tool.setAttribute('gen_ai.tool.call.result', agentContent.toolResult)
  tool.end()
  const payment = tracer.startSpan(
    'payment',
    {
      attributes: {
        'gen_ai.operation.name': 'payment',
        'gen_ai.agent.id': 'agent-billing-01',
        'sextant.payment.decision': 'approval',
        'sextant.payment.rule': 'refund-over-20-eur',
        'sextant.payment.chain_id': 8453,
        'sextant.payment.value': '42000000',
        'sextant.payment.asset': 'USDC',
        'sextant.payment.to': agentContent.recipient,
      },
    },
    parent,
  )
  payment.end()
  const http = tracer.startSpan('GET /orders/A-1001', { kind: SpanKind.CLIENT }, parent)
  http.setAttribute('http.request.method', 'GET')
  http.setStatus({ code: SpanStatusCode.OK })
  http.end()
  agent.end()
  return agent.spanContext().spanId
}
