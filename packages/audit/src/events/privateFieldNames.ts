/**
 * The named private fields of an AI event: GenAI content (messages, instructions, tool arguments and results,
 * retrieval queries and documents, reasoning), error messages and payment recipients. Never written in clear.
 *
 * @example
 * privateFieldNames.includes('gen_ai.output.messages') // true
 */
export const privateFieldNames: ReadonlyArray<string> = [
  'gen_ai.input.messages',
  'gen_ai.output.messages',
  'gen_ai.system_instructions',
  'gen_ai.tool.definitions',
  'gen_ai.tool.call.arguments',
  'gen_ai.tool.call.result',
  'gen_ai.retrieval.query.text',
  'gen_ai.retrieval.documents',
  'sextant.reasoning',
  'error.message',
  'sextant.payment.to',
]
