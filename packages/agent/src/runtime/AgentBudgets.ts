/**
 * Limits of one agent run: model calls, total tokens (input plus output, all calls), wall-clock time.
 *
 * @example
 * const budgets: AgentBudgets = { maxSteps: 8, maxTokens: 20_000, maxMs: 120_000 }
 */
export type AgentBudgets = { maxSteps: number; maxTokens: number; maxMs: number }

/** Defaults: 8 steps, 32,000 tokens, 5 minutes. */
export const defaultBudgets: AgentBudgets = { maxSteps: 8, maxTokens: 32_000, maxMs: 300_000 }
