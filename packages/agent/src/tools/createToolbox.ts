import { ToolError } from '../errors/AgentError.ts'
import type { ToolSpec } from '../models/ChatModel.ts'
import type { Tool } from './Tool.ts'

/** Parameters of {@link createToolbox}. */
export type CreateToolboxParameters = {
  tools: Tool[]
  /** Descriptions from the operator's configuration, replacing the built-in ones by tool name. */
  descriptions?: { [name: string]: string }
}

/** A session's fixed set of tools and the specs the model is shown. */
export type Toolbox = { get(name: string): Tool | undefined; readonly specs: readonly ToolSpec[] }

const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/

/**
 * Fixes a session's tools: unique valid names, descriptions only from the tool definitions (code) or the
 * operator's configuration, frozen at session start so that nothing a tool returns can rewrite what the model is
 * told about another tool. Throws ToolError on duplicates, bad names, or a description for an unknown tool.
 *
 * @example
 * const toolbox = createToolbox({ tools: [chainBalance(client)], descriptions: { chain_balance: 'ETH balance of an address' } })
 */
export function createToolbox({ tools, descriptions = {} }: CreateToolboxParameters): Toolbox {
  const byName = new Map<string, Tool>()
  for (const tool of tools) {
    if (!NAME.test(tool.name)) throw new ToolError('invalid tool name', { details: tool.name })
    if (byName.has(tool.name)) throw new ToolError('duplicate tool name', { details: tool.name })
    byName.set(tool.name, tool)
  }
  for (const name of Object.keys(descriptions)) {
    if (!byName.has(name)) throw new ToolError('description for an unknown tool', { details: name })
  }
  const specs = Object.freeze(
    [...byName.values()].map((t) =>
      Object.freeze({
        name: t.name,
        description: descriptions[t.name] ?? t.description,
        parameters: structuredClone(t.parameters) as { [key: string]: unknown },
      }),
    ),
  )
  return { get: (name) => byName.get(name), specs }
}
