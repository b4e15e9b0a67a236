import type { ChatMessage, ToolSpec } from './ChatModel.ts'

/**
 * Renders a transcript as a ChatML prompt (Qwen's and R1-distill-Qwen's format), with tools described in the
 * system turn and called Hermes-style (`<tool_call>{"name", "arguments"}</tool_call>`); tool results go back in
 * `<tool_response>` blocks. Ends with an open assistant turn.
 *
 * @example
 * renderChatMl([{ role: 'user', content: 'hi' }], []) // '<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n'
 */
export function renderChatMl(messages: ChatMessage[], tools: ToolSpec[]): string {
  const out: string[] = []
  const turn = (role: string, content: string) => out.push(`<|im_start|>${role}\n${content}<|im_end|>\n`)
  const toolText =
    tools.length === 0
      ? ''
      : `\n\n# Tools\n\nYou may call one or more functions. Signatures:\n<tools>\n${tools
          .map((t) => JSON.stringify({ type: 'function', function: t }))
          .join(
            '\n',
          )}\n</tools>\n\nFor each call, reply with <tool_call>{"name": <name>, "arguments": <json>}</tool_call>.`
  const [first] = messages
  if (first?.role === 'system') turn('system', first.content + toolText)
  else if (toolText) turn('system', toolText.trim())
  for (const m of messages) {
    if (m.role === 'system') continue
    if (m.role === 'tool') turn('user', `<tool_response>\n${m.content}\n</tool_response>`)
    else if (m.role === 'assistant') {
      const calls = (m.toolCalls ?? []).map(
        (c) => `<tool_call>{"name": ${JSON.stringify(c.name)}, "arguments": ${c.arguments}}</tool_call>`,
      )
      turn('assistant', [m.content, ...calls].filter(Boolean).join('\n'))
    } else turn('user', m.content)
  }
  return `${out.join('')}<|im_start|>assistant\n`
}
