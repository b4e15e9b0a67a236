import type { aiOperations } from './aiOperations.ts'

/**
 * The operation an AI event records (`gen_ai.operation.name`), one of {@link aiOperations}.
 *
 * @example
 * const operation: AiOperation = 'execute_tool'
 */
export type AiOperation = (typeof aiOperations)[number]
