import type { ToolCall } from '../models/ChatModel.ts'
import type { Toolbox } from '../tools/createToolbox.ts'
import type { Tool } from '../tools/Tool.ts'
import { validateArguments } from '../tools/validateArguments.ts'

/** Return type of {@link checkToolCall}. */
export type CheckToolCallReturnType =
  | { ok: true; tool: Tool; args: { [name: string]: unknown } }
  | { ok: false; problem: string }

/**
 * Checks a tool call the model proposed: a known tool, arguments that are a JSON object, valid against the
 * tool's schema. Nothing runs on a malformed call.
 *
 * @example
 * const checked = checkToolCall(toolbox, { id: 'c1', name: 'chain_balance', arguments: '{"address":"0x…"}' })
 */
export function checkToolCall(toolbox: Toolbox, call: ToolCall): CheckToolCallReturnType {
  const tool = toolbox.get(call.name)
  if (!tool) return { ok: false, problem: `unknown tool ${JSON.stringify(call.name)}` }
  let args: unknown
  try {
    args = call.arguments.trim() === '' ? {} : JSON.parse(call.arguments)
  } catch {
    return { ok: false, problem: 'arguments are not valid JSON' }
  }
  const problems = validateArguments(args, tool.parameters)
  if (problems.length > 0) return { ok: false, problem: problems.join('; ') }
  return { ok: true, tool, args: args as { [name: string]: unknown } }
}
