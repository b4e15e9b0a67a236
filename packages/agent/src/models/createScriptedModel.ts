import type { ChatModel, ChatRequest, ToolCall } from './ChatModel.ts'

/** One scripted turn: what the stand-in model answers. */
export type ScriptedTurn = { content?: string; reasoning?: string; toolCalls?: Omit<ToolCall, 'id'>[] }

/**
 * A deterministic stand-in {@link ChatModel}: each call's answer comes from `script`, a list of turns or a
 * function of the request (so it can "read" tool results, as an adversarial model does). Token usage counts
 * words. For tests, examples and replays; never a real model.
 *
 * @example
 * const model = createScriptedModel([{ toolCalls: [{ name: 'vault_balances', arguments: '{}' }] }, { content: 'Done.' }])
 */
export function createScriptedModel(
  script: ScriptedTurn[] | ((request: ChatRequest, call: number) => ScriptedTurn),
  name = 'scripted',
): ChatModel {
  let calls = 0
  return {
    provider: 'sextant.scripted',
    model: name,
    async complete(request, options = {}) {
      options.signal?.throwIfAborted()
      const n = calls++
      const turn =
        typeof script === 'function' ? script(request, n) : (script[n] ?? { content: '(script ended)' })
      const toolCalls = (turn.toolCalls ?? []).map((c, i) => ({ ...c, id: `call_${n}_${i}` }))
      const words = (s: string) => s.split(/\s+/).filter(Boolean).length
      if (turn.reasoning) options.onDelta?.({ reasoning: turn.reasoning })
      if (turn.content) options.onDelta?.({ content: turn.content })
      return {
        id: `scripted-${n}`,
        model: name,
        content: turn.content ?? '',
        reasoning: turn.reasoning ?? '',
        toolCalls,
        finishReason: toolCalls.length > 0 ? 'tool_calls' : 'stop',
        usage: {
          inputTokens: request.messages.reduce((sum, m) => sum + words(m.content), 0),
          outputTokens:
            words(turn.content ?? '') +
            words(turn.reasoning ?? '') +
            toolCalls.reduce((s, c) => s + words(c.arguments), 0),
        },
      }
    },
  }
}
