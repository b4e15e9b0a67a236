import type { JsonValue } from '@sextant/audit/json/JsonValue'
import type { ChatMessage } from '../models/ChatModel.ts'

/**
 * A transcript in the OpenTelemetry GenAI message format (`gen_ai.input.messages` / `gen_ai.output.messages`):
 * `{ role, parts: [{ type: 'text' | 'tool_call' | 'tool_call_response', … }] }`.
 *
 * @example
 * toOtelMessages([{ role: 'user', content: 'hi' }]) // [{ role: 'user', parts: [{ type: 'text', content: 'hi' }] }]
 */
export function toOtelMessages(messages: readonly ChatMessage[]): JsonValue[] {
  return messages.map((m) => {
    if (m.role === 'tool') {
      return { role: 'tool', parts: [{ type: 'tool_call_response', id: m.toolCallId, response: m.content }] }
    }
    const parts: JsonValue[] = m.content ? [{ type: 'text', content: m.content }] : []
    if (m.role === 'assistant') {
      for (const c of m.toolCalls ?? [])
        parts.push({ type: 'tool_call', id: c.id, name: c.name, arguments: c.arguments })
    }
    return { role: m.role, parts }
  })
}

/**
 * The inverse of {@link toOtelMessages}, for replay (tool names are not in the OTel tool-response part and come
 * back empty). Returns undefined when the value is not such a transcript.
 *
 * @example
 * fromOtelMessages(toOtelMessages(messages))
 */
export function fromOtelMessages(value: unknown): ChatMessage[] | undefined {
  if (!Array.isArray(value)) return undefined
  const out: ChatMessage[] = []
  for (const m of value as { role?: string; parts?: { type: string; [k: string]: unknown }[] }[]) {
    const parts = m.parts ?? []
    const text = parts
      .filter((p) => p.type === 'text')
      .map((p) => String(p.content))
      .join('')
    if (m.role === 'tool') {
      const r = parts[0]
      out.push({ role: 'tool', toolCallId: String(r?.id), name: '', content: String(r?.response) })
    } else if (m.role === 'assistant') {
      const calls = parts
        .filter((p) => p.type === 'tool_call')
        .map((p) => ({ id: String(p.id), name: String(p.name), arguments: String(p.arguments) }))
      out.push({ role: 'assistant', content: text, ...(calls.length > 0 ? { toolCalls: calls } : {}) })
    } else if (m.role === 'system' || m.role === 'user') out.push({ role: m.role, content: text })
    else return undefined
  }
  return out
}
