/**
 * Every operation an AI event may record: the `gen_ai.operation.name` values of the OpenTelemetry GenAI
 * semantic conventions, plus Sextant's `payment` for wallet-guard decisions.
 *
 * @example
 * aiOperations.includes('chat') // true
 */
export const aiOperations = [
  'chat',
  'text_completion',
  'generate_content',
  'embeddings',
  'retrieval',
  'execute_tool',
  'invoke_agent',
  'create_agent',
  'invoke_workflow',
  'payment',
] as const
