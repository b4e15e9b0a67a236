import type { AiEventPrivateFields } from './AiEventPrivateFields.ts'
import type { AiEventPublicFields } from './AiEventPublicFields.ts'

/**
 * An AI event for the audit log: public metadata fields plus `private` fields that are sealed (committed by
 * digest, values encrypted in the per-entry secret). Check untrusted input with `parseAiEvent`.
 *
 * @example
 * const event: AiEvent = {
 *   'gen_ai.operation.name': 'chat',
 *   'gen_ai.agent.id': 'support-bot',
 *   'gen_ai.usage.input_tokens': 42,
 *   private: { 'gen_ai.input.messages': [{ role: 'user', parts: [{ type: 'text', content: 'hi' }] }] },
 * }
 */
export type AiEvent = AiEventPublicFields & { private?: AiEventPrivateFields }
