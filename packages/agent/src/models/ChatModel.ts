/**
 * A tool call the model proposed: its id, the tool's name and the raw JSON arguments text (parsed and checked
 * by the runtime, never trusted as is).
 *
 * @example
 * const call: ToolCall = { id: 'call_1', name: 'vault_transfer', arguments: '{"to":"0x…","amount":"0.5"}' }
 */
export type ToolCall = { id: string; name: string; arguments: string }

/**
 * A chat message in a session's transcript.
 *
 * @example
 * const m: ChatMessage = { role: 'tool', toolCallId: 'call_1', name: 'chain_balance', content: '{"eth":"1.0"}' }
 */
export type ChatMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string; toolCalls?: ToolCall[] }
  | { role: 'tool'; toolCallId: string; name: string; content: string }

/**
 * What the model is told about a tool: name, trusted description, JSON-schema parameters.
 *
 * @example
 * const spec: ToolSpec = { name: 'chain_balance', description: 'native balance', parameters: { type: 'object' } }
 */
export type ToolSpec = { name: string; description: string; parameters: { [key: string]: unknown } }

/**
 * One model call's input.
 *
 * @example
 * const request: ChatRequest = { messages: [{ role: 'user', content: 'hi' }], temperature: 0, seed: 7 }
 */
export type ChatRequest = {
  messages: ChatMessage[]
  tools?: ToolSpec[]
  temperature?: number
  topP?: number
  maxTokens?: number
  seed?: number
  stop?: string[]
}

/**
 * One model call's output: the answer, the reasoning (R1's `reasoning_content` or `<think>` text) kept apart,
 * tool calls, finish reason and token usage.
 *
 * @example
 * const { content, reasoning, toolCalls, usage } = await model.complete(request)
 */
export type ChatResponse = {
  id?: string
  model: string
  content: string
  reasoning: string
  toolCalls: ToolCall[]
  finishReason: string
  usage: { inputTokens: number; outputTokens: number; reasoningTokens?: number }
}

/** Options of one {@link ChatModel.complete} call. */
export type CompleteOptions = {
  signal?: AbortSignal
  /** Streaming: each piece of answer or reasoning text as it arrives. */
  onDelta?: (delta: { content?: string; reasoning?: string }) => void
}

/**
 * A chat model the runtime can drive: an OpenAI-compatible endpoint, an in-process GGUF model, or a scripted
 * stand-in. `provider` and `model` become the audit log's `gen_ai.provider.name` / `gen_ai.request.model`.
 *
 * @example
 * const model: ChatModel = createOpenAiModel({ baseUrl: 'http://127.0.0.1:8080/v1', model: 'deepseek-r1' })
 * const response = await model.complete({ messages: [{ role: 'user', content: 'hi' }] })
 */
export type ChatModel = {
  readonly provider: string
  readonly model: string
  readonly serverAddress?: string
  readonly serverPort?: number
  complete(request: ChatRequest, options?: CompleteOptions): Promise<ChatResponse>
  close?(): Promise<void>
}
