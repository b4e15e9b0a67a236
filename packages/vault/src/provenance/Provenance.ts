/**
 * Where a value came from: the user's own instruction, a policy allowlist, a tool result, web or other
 * untrusted content, or another agent.
 *
 * @example
 * const source: ProvenanceSource = 'untrusted'
 */
export type ProvenanceSource = 'user' | 'allowlist' | 'tool' | 'untrusted' | 'agent'

/** The arguments of a payment that move value. */
export type ValueField = 'recipient' | 'amount' | 'token' | 'spender'

/**
 * The provenance the agent runtime passes with each payment request: for every value-moving argument, its
 * source (and optionally a note such as the URL or tool it came from). A field left out counts as
 * `untrusted`: the gate fails closed.
 *
 * @example
 * const provenance: Provenance = { recipient: { source: 'untrusted', note: 'https://example.com/post/1' }, amount: 'user' }
 */
export type Provenance = Partial<
  Record<ValueField, ProvenanceSource | { source: ProvenanceSource; note?: string }>
>

/** Sources whose values need an allowlist entry or a human's approval (default: untrusted content, other agents). */
export const gatedSources: readonly ProvenanceSource[] = ['untrusted', 'agent']
