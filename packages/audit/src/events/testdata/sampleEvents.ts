import type { AiEvent } from '../AiEvent.ts'

/**
 * AI events for tests: a chat turn with private prompt, completion, instructions and reasoning; a tool call;
 * a denied payment whose recipient stays private. Test data only.
 *
 * @example
 * const { entry, secret } = sealEvent(sampleEvents.chat)
 */
export const sampleEvents = {
  chat: {
    'gen_ai.operation.name': 'chat',
    'gen_ai.provider.name': 'openai',
    'gen_ai.agent.id': 'agent-7f3a',
    'gen_ai.agent.name': 'support-bot',
    'gen_ai.conversation.id': 'conv-0042',
    'gen_ai.request.model': 'gpt-4o',
    'gen_ai.request.temperature': 0.2,
    'gen_ai.request.max_tokens': 512,
    'gen_ai.request.seed': 7,
    'gen_ai.response.model': 'gpt-4o-2024-08-06',
    'gen_ai.response.id': 'chatcmpl-123',
    'gen_ai.response.finish_reasons': ['stop'],
    'gen_ai.usage.input_tokens': 97,
    'gen_ai.usage.output_tokens': 12,
    'sextant.outcome': 'ok',
    trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
    span_id: '00f067aa0ba902b7',
    start_time_unix_nano: '1767225600000000000',
    end_time_unix_nano: '1767225601250000000',
    attributes: { 'deployment.environment': 'prod' },
    private: {
      'gen_ai.system_instructions': [{ type: 'text', content: 'You are a helpful support agent.' }],
      'gen_ai.input.messages': [
        { role: 'user', parts: [{ type: 'text', content: 'My name is Ada Lovelace, reset my password.' }] },
      ],
      'gen_ai.output.messages': [
        { role: 'assistant', parts: [{ type: 'text', content: 'Done, Ada.' }], finish_reason: 'stop' },
      ],
      'sextant.reasoning': 'User identified by name; low-risk action.',
      consent: 'yes',
    },
  },
  tool: {
    'gen_ai.operation.name': 'execute_tool',
    'gen_ai.agent.id': 'agent-7f3a',
    'gen_ai.tool.name': 'lookup_order',
    'gen_ai.tool.call.id': 'call_abc',
    'gen_ai.tool.type': 'function',
    private: {
      'gen_ai.tool.call.arguments': { orderId: 'A-1001', email: 'ada@example.com' },
      'gen_ai.tool.call.result': { status: 'shipped' },
    },
  },
  payment: {
    'gen_ai.operation.name': 'payment',
    'gen_ai.agent.id': 'agent-7f3a',
    'sextant.payment.decision': 'deny',
    'sextant.payment.rule': 'daily-limit',
    'sextant.payment.chain_id': 8453,
    'sextant.payment.value': '250000000',
    'sextant.payment.asset': 'USDC',
    private: { 'sextant.payment.to': '0x000000000000000000000000000000000000dEaD' },
  },
} as const satisfies Record<string, AiEvent>
