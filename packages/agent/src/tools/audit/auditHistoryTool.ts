import { decodeEntry } from '@sextant/audit/events/decodeEntry'
import type { AuditLog } from '@sextant/audit/log/AuditLog'
import type { Tool } from '../Tool.ts'

/**
 * `audit_history`: the agent's own recent audit-log events (public fields only: operation, tool, payment
 * decision, rule, value, tx hash), newest first, so that it can see what it already paid.
 *
 * @example
 * const tools = [auditHistoryTool(log, 'treasury-agent')]
 */
export function auditHistoryTool(log: AuditLog, agentId: string): Tool {
  return {
    name: 'audit_history',
    description: "This agent's recent audit-log events: payments made or refused, tools called.",
    parameters: {
      type: 'object',
      properties: {
        limit: { type: 'integer' },
        operation: { type: 'string', enum: ['payment', 'execute_tool', 'chat'] },
      },
    },
    output: 'tool',
    handler: async (a: { limit?: number; operation?: string }) => {
      const size = await log.storage.size()
      const limit = Math.min(Math.max(a.limit ?? 20, 1), 100)
      const out: object[] = []
      for (let end = size; end > 0 && out.length < limit; end -= 256) {
        const start = Math.max(0, end - 256)
        const entries = await log.storage.readEntries(start, end)
        for (let i = entries.length - 1; i >= 0 && out.length < limit; i--) {
          const decoded = decodeEntry(entries[i]!)
          if (decoded.kind !== 'ai-event') continue
          const f = decoded.publicFields
          if (f['gen_ai.agent.id'] !== agentId || (a.operation && f['gen_ai.operation.name'] !== a.operation))
            continue
          const { attributes: _a, ...fields } = f
          out.push({ index: start + i, ...fields })
        }
      }
      return { content: out as never }
    },
  }
}
