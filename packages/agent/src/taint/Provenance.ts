/**
 * Where a value came from, most trusted first: the human user, the operator's system prompt or configuration,
 * a trusted tool's result (a chain read, the vendor registry), another agent, or untrusted text (a web page,
 * an e-mail, a document). A value the model produced that appears in no input at all is `agent`.
 *
 * @example
 * const p: Provenance = 'untrusted'
 */
export type Provenance = 'user' | 'system' | 'tool' | 'agent' | 'untrusted'

/** Every provenance, most trusted first. */
export const provenances = ['user', 'system', 'tool', 'agent', 'untrusted'] as const satisfies Provenance[]

/**
 * True for provenances a payment recipient or amount may come from without an allowlist entry or a human's
 * approval: the user and the operator. Tool results, other agents and untrusted text are not principals.
 *
 * @example
 * isPrincipal('user') // true
 * isPrincipal('tool') // false
 */
export function isPrincipal(provenance: Provenance): boolean {
  return provenance === 'user' || provenance === 'system'
}
