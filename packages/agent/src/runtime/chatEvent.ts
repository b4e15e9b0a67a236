import type { AiEvent } from '@sextant/audit/events/AiEvent'
import type { ChatModel, ChatRequest, ChatResponse } from '../models/ChatModel.ts'
import { toOtelMessages } from './toOtelMessages.ts'

/**
 * The audit event of one model call: model and parameters, response id and finish reason, token usage in clear;
 * prompt (`gen_ai.input.messages`, system prompt as `gen_ai.system_instructions`), completion and reasoning
 * committed as private fields. Tool definitions are committed on the session's first call.
 *
 * @example
 * await log.record(chatEvent(model, request, response, 1, true))
 */
export function chatEvent(
  model: ChatModel,
  request: ChatRequest,
  response: ChatResponse | undefined,
  step: number,
  withDefinitions = false,
): AiEvent {
  const [system, ...rest] = request.messages
  return {
    'gen_ai.operation.name': 'chat',
    'gen_ai.provider.name': model.provider,
    'gen_ai.request.model': model.model,
    ...(model.serverAddress ? { 'server.address': model.serverAddress } : {}),
    ...(model.serverPort ? { 'server.port': model.serverPort } : {}),
    ...(request.temperature !== undefined ? { 'gen_ai.request.temperature': request.temperature } : {}),
    ...(request.topP !== undefined ? { 'gen_ai.request.top_p': request.topP } : {}),
    ...(request.maxTokens !== undefined ? { 'gen_ai.request.max_tokens': request.maxTokens } : {}),
    ...(request.seed !== undefined ? { 'gen_ai.request.seed': request.seed } : {}),
    ...(response
      ? {
          'gen_ai.response.model': response.model,
          ...(response.id ? { 'gen_ai.response.id': response.id } : {}),
          'gen_ai.response.finish_reasons': [response.finishReason],
          'gen_ai.usage.input_tokens': response.usage.inputTokens,
          'gen_ai.usage.output_tokens': response.usage.outputTokens,
          ...(response.usage.reasoningTokens !== undefined
            ? { 'gen_ai.usage.reasoning.output_tokens': response.usage.reasoningTokens }
            : {}),
          'sextant.outcome': 'ok' as const,
        }
      : {}),
    attributes: { 'sextant.agent.step': step },
    private: {
      ...(system?.role === 'system'
        ? { 'gen_ai.system_instructions': [{ type: 'text', content: system.content }] }
        : {}),
      'gen_ai.input.messages': toOtelMessages(system?.role === 'system' ? rest : request.messages),
      ...(response
        ? {
            'gen_ai.output.messages': toOtelMessages([
              {
                role: 'assistant',
                content: response.content,
                ...(response.toolCalls.length ? { toolCalls: response.toolCalls } : {}),
              },
            ]),
            ...(response.reasoning ? { 'sextant.reasoning': response.reasoning } : {}),
          }
        : {}),
      ...(withDefinitions && request.tools ? { 'gen_ai.tool.definitions': request.tools as never } : {}),
    },
  }
}
