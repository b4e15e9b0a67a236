import type { ChatMessage, ChatRequest, ToolCall } from './ChatModel.ts'

/**
 * The chat-completions request body for a {@link ChatRequest}, in the OpenAI wire format (snake_case,
 * `tool_calls` with `type: "function"`, `tool_call_id` on tool results).
 *
 * @example
 * const body = toOpenAiBody('deepseek-chat', { messages: [{ role: 'user', content: 'hi' }] }, true)
 */
export function toOpenAiBody(
  model: string,
  request: ChatRequest,
  stream: boolean,
): { [key: string]: unknown } {
  return {
    model,
    messages: request.messages.map(toWireMessage),
    ...(request.tools && request.tools.length > 0
      ? {
          tools: request.tools.map((t) => ({
            type: 'function',
            function: { name: t.name, description: t.description, parameters: t.parameters },
          })),
        }
      : {}),
    ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
    ...(request.topP !== undefined ? { top_p: request.topP } : {}),
    ...(request.maxTokens !== undefined ? { max_tokens: request.maxTokens } : {}),
    ...(request.seed !== undefined ? { seed: request.seed } : {}),
    ...(request.stop ? { stop: request.stop } : {}),
    ...(stream ? { stream: true, stream_options: { include_usage: true } } : {}),
  }
}

function toWireMessage(m: ChatMessage): { [key: string]: unknown } {
  if (m.role === 'tool') return { role: 'tool', tool_call_id: m.toolCallId, content: m.content }
  if (m.role === 'assistant' && m.toolCalls && m.toolCalls.length > 0) {
    return {
      role: 'assistant',
      content: m.content === '' ? null : m.content,
      tool_calls: m.toolCalls.map(toWireToolCall),
    }
  }
  return { role: m.role, content: m.content }
}

function toWireToolCall(c: ToolCall) {
  return { id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } }
}

/** Usage as the OpenAI wire format reports it. */
export type WireUsage = {
  prompt_tokens?: number
  completion_tokens?: number
  completion_tokens_details?: { reasoning_tokens?: number }
}

/**
 * Token usage from an OpenAI `usage` object (zeros when the server sent none).
 *
 * @example
 * fromWireUsage({ prompt_tokens: 12, completion_tokens: 3 }) // { inputTokens: 12, outputTokens: 3 }
 */
export function fromWireUsage(usage: WireUsage | undefined | null) {
  const reasoning = usage?.completion_tokens_details?.reasoning_tokens
  return {
    inputTokens: usage?.prompt_tokens ?? 0,
    outputTokens: usage?.completion_tokens ?? 0,
    ...(reasoning !== undefined ? { reasoningTokens: reasoning } : {}),
  }
}
