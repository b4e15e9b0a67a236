import type { ChatResponse, CompleteOptions, ToolCall } from './ChatModel.ts'
import { fromWireUsage, type WireUsage } from './openAiWire.ts'
import { splitThink } from './splitThink.ts'

type WireDelta = {
  content?: string | null
  reasoning_content?: string | null
  reasoning?: string | null
  tool_calls?: { index?: number; id?: string; function?: { name?: string; arguments?: string } }[]
}
type WireChunk = {
  id?: string
  model?: string
  choices?: { delta?: WireDelta; finish_reason?: string | null }[]
  usage?: WireUsage | null
}

/**
 * Folds OpenAI chat-completion stream chunks into one {@link ChatResponse}: content and reasoning deltas
 * (`reasoning_content`, as DeepSeek and vLLM send it, or `reasoning`), tool-call fragments by index, the finish
 * reason and the final usage chunk; `<think>` text left in the content is split off at the end.
 *
 * @example
 * const acc = createStreamAccumulator('deepseek-r1')
 * for await (const data of readSse(body)) acc.push(JSON.parse(data))
 * const response = acc.result()
 */
export function createStreamAccumulator(model: string, onDelta?: CompleteOptions['onDelta']) {
  let id: string | undefined
  let responseModel = model
  let content = ''
  let reasoning = ''
  let finishReason = ''
  let usage: WireUsage | undefined
  const calls: { id: string; name: string; arguments: string }[] = []
  return {
    push(chunk: WireChunk) {
      id ??= chunk.id
      if (chunk.model) responseModel = chunk.model
      if (chunk.usage) usage = chunk.usage
      for (const choice of chunk.choices ?? []) {
        const d = choice.delta ?? {}
        const r = d.reasoning_content ?? d.reasoning
        if (r) {
          reasoning += r
          onDelta?.({ reasoning: r })
        }
        if (d.content) {
          content += d.content
          onDelta?.({ content: d.content })
        }
        for (const [position, t] of (d.tool_calls ?? []).entries()) {
          const index = t.index ?? position
          calls[index] ??= { id: '', name: '', arguments: '' }
          const call = calls[index]
          if (t.id) call.id = t.id
          if (t.function?.name) call.name += t.function.name
          if (t.function?.arguments) call.arguments += t.function.arguments
        }
        if (choice.finish_reason) finishReason = choice.finish_reason
      }
    },
    result(): ChatResponse {
      const split = splitThink(content)
      const toolCalls: ToolCall[] = calls.filter(Boolean).map((c, i) => ({ ...c, id: c.id || `call_${i}` }))
      return {
        ...(id ? { id } : {}),
        model: responseModel,
        content: split.content,
        reasoning: [reasoning.trim(), split.reasoning].filter(Boolean).join('\n'),
        toolCalls,
        finishReason: finishReason || (toolCalls.length > 0 ? 'tool_calls' : 'stop'),
        usage: fromWireUsage(usage),
      }
    },
  }
}
