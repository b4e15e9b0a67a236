import type { JsonValue } from '@sextant/audit/json/JsonValue'
import type { GuardDecision } from '../guard/WalletGuard.ts'
import type { Provenance } from '../taint/Provenance.ts'
import type { Tainted } from '../taint/Tainted.ts'
import type { JsonSchema } from './JsonSchema.ts'

/** What a tool's handler gets besides its checked arguments. */
export type ToolContext = {
  sessionId: string
  callId: string
  signal: AbortSignal
  /** The provenance of a value the model passed, derived from everything the session has read. */
  taint<T extends string | number | bigint>(value: T): Tainted<T>
}

/** A tool's answer: content for the model and, for value-moving tools, the wallet guard's decision. */
export type ToolResult = {
  content: JsonValue
  payment?: GuardDecision & { provenance: { [arg: string]: Provenance } }
}

/**
 * A tool the agent may call. Its `description` is what the model is told and must come from code or the
 * operator's configuration, never from a tool result or a remote server; `output` is the provenance of what
 * it returns (`tool` for trusted data such as chain reads, `untrusted` for web pages, e-mail, documents).
 *
 * @example
 * const clock: Tool = { name: 'clock', description: 'current UTC time', parameters: { type: 'object' }, output: 'tool', handler: async () => ({ content: new Date().toISOString() }) }
 */
export type Tool = {
  name: string
  description: string
  parameters: JsonSchema
  output: 'tool' | 'untrusted'
  // biome-ignore lint/suspicious/noExplicitAny: handlers receive arguments already checked against `parameters`
  handler(args: any, context: ToolContext): Promise<ToolResult>
}
