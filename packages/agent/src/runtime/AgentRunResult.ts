import type { GuardDecision } from '../guard/WalletGuard.ts'
import type { ChatMessage } from '../models/ChatModel.ts'
import type { Provenance } from '../taint/Provenance.ts'

/**
 * How an agent run ended and what it did: `done` (the model answered), `failed` (a malformed tool call survived
 * its repair attempt, or the model failed), `budget` (steps, tokens or time ran out), `cancelled`.
 *
 * @example
 * if (result.status === 'done') console.log(result.answer)
 */
export type AgentRunResult = {
  sessionId: string
  status: 'done' | 'failed' | 'budget' | 'cancelled'
  answer: string
  reason?: string
  steps: number
  usage: { inputTokens: number; outputTokens: number }
  payments: (GuardDecision & { provenance: { [arg: string]: Provenance }; callId: string })[]
  messages: ChatMessage[]
  /** Indexes of the audit-log events this run recorded. */
  logIndexes: number[]
}
