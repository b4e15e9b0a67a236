import type { JsonValue } from '../json/JsonValue.ts'

/**
 * Fields of an AI event committed only by salted digest: their values live in the per-entry secret, which
 * erasure destroys. The named ones are the GenAI content attributes; any other name is an extra private field.
 *
 * @example
 * const fields: AiEventPrivateFields = { 'gen_ai.input.messages': [{ role: 'user', parts: [] }] }
 */
export type AiEventPrivateFields = {
  'gen_ai.input.messages'?: JsonValue
  'gen_ai.output.messages'?: JsonValue
  'gen_ai.system_instructions'?: JsonValue
  'gen_ai.tool.definitions'?: JsonValue
  'gen_ai.tool.call.arguments'?: JsonValue
  'gen_ai.tool.call.result'?: JsonValue
  'gen_ai.retrieval.query.text'?: JsonValue
  'gen_ai.retrieval.documents'?: JsonValue
  /** Reasoning / chain-of-thought text, when recorded apart from the output messages. */
  'sextant.reasoning'?: JsonValue
  /** The error's message (span status description), which may quote private content. */
  'error.message'?: JsonValue
  /** Payment recipient (address), personal data under the GDPR. */
  'sextant.payment.to'?: JsonValue
  [name: string]: JsonValue
}
