/** Return type of {@link splitThink}. */
export type SplitThinkReturnType = { content: string; reasoning: string }

/**
 * Separates R1-style reasoning written into the text (`<think>…</think>`) from the answer. R1 distills' chat
 * templates open the `<think>` tag in the prompt, so a lone `</think>` also ends reasoning; an unclosed
 * `<think>` (cut off by the token budget) makes everything after it reasoning.
 *
 * @example
 * splitThink('<think>2+2=4</think>The answer is 4.') // { content: 'The answer is 4.', reasoning: '2+2=4' }
 */
export function splitThink(text: string): SplitThinkReturnType {
  const reasoning: string[] = []
  let content = text
  for (;;) {
    const open = content.indexOf('<think>')
    const close = content.indexOf('</think>')
    if (close !== -1 && (open === -1 || close < open)) {
      reasoning.push(content.slice(0, close))
      content = content.slice(close + '</think>'.length)
    } else if (open !== -1 && close !== -1) {
      reasoning.push(content.slice(open + '<think>'.length, close))
      content = content.slice(0, open) + content.slice(close + '</think>'.length)
    } else if (open !== -1) {
      reasoning.push(content.slice(open + '<think>'.length))
      content = content.slice(0, open)
    } else break
  }
  return { content: content.trim(), reasoning: reasoning.map((r) => r.trim()).join('\n') }
}
