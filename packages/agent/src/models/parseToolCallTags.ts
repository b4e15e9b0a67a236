import type { ToolCall } from './ChatModel.ts'

/**
 * Pulls Hermes-style `<tool_call>{"name": …, "arguments": {…}}</tool_call>` blocks out of generated text. A block
 * that is not such JSON still becomes a call (name `""` or as found, raw text as arguments), so that the runtime
 * sees a malformed call and asks for a repair instead of silently dropping it.
 *
 * @example
 * parseToolCallTags('ok <tool_call>{"name":"f","arguments":{"a":1}}</tool_call>', 'step1')
 * // { text: 'ok', toolCalls: [{ id: 'step1_0', name: 'f', arguments: '{"a":1}' }] }
 */
export function parseToolCallTags(text: string, idPrefix: string): { text: string; toolCalls: ToolCall[] } {
  const toolCalls: ToolCall[] = []
  const rest = text.replace(/<tool_call>([\s\S]*?)(?:<\/tool_call>|$)/g, (_, body: string) => {
    const id = `${idPrefix}_${toolCalls.length}`
    try {
      const parsed = JSON.parse(body) as { name?: unknown; arguments?: unknown }
      const args =
        typeof parsed.arguments === 'string' ? parsed.arguments : JSON.stringify(parsed.arguments ?? {})
      toolCalls.push({ id, name: typeof parsed.name === 'string' ? parsed.name : '', arguments: args })
    } catch {
      toolCalls.push({ id, name: /"name"\s*:\s*"([^"]*)"/.exec(body)?.[1] ?? '', arguments: body.trim() })
    }
    return ''
  })
  return { text: rest.trim(), toolCalls }
}
