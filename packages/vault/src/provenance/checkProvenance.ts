import type { Address } from 'viem'
import type { DecodedCall } from '../decode/DecodedCall.ts'
import { gatedSources, type Provenance, type ProvenanceSource, type ValueField } from './Provenance.ts'

/** Parameters of {@link checkProvenance}. */
export type CheckProvenanceParameters = {
  call: DecodedCall
  provenance: Provenance
  /** Whether an address is on the recipient allowlist (read from the module). */
  isAllowlisted: (address: Address) => boolean
  /** Whether a token has a rule (read from the module). */
  isKnownToken: (token: Address) => boolean
  /** Sources that need an allowlist or a human (default {@link gatedSources}). */
  gated?: readonly ProvenanceSource[]
}

/** Return type of {@link checkProvenance}: ok, or the first gated field with the reason. */
export type CheckProvenanceReturnType =
  | { ok: true }
  | { ok: false; field: ValueField; source: ProvenanceSource; reason: string }

/**
 * The provenance gate: a recipient, spender or token that came from untrusted content (or another agent)
 * passes only when the policy allowlists it; an amount from such a source never passes on its own. A failed
 * gate means the payment needs a human's approval.
 *
 * @example
 * checkProvenance({ call, provenance: { recipient: 'untrusted', amount: 'user' }, isAllowlisted, isKnownToken })
 * // { ok: false, field: 'recipient', source: 'untrusted', reason: 'recipient 0x… came from untrusted content and is not allowlisted' }
 */
export function checkProvenance(parameters: CheckProvenanceParameters): CheckProvenanceReturnType {
  const {
    call,
    provenance,
    isAllowlisted: allowlisted,
    isKnownToken: knownToken,
    gated = gatedSources,
  } = parameters
  const sourceOf = (field: ValueField): ProvenanceSource => {
    const entry = provenance[field]
    return entry === undefined ? 'untrusted' : typeof entry === 'string' ? entry : entry.source
  }
  for (const spend of call.spends) {
    const field: ValueField = spend.kind === 'approval' ? 'spender' : 'recipient'
    const checks: [ValueField, boolean, string][] = [
      [field, allowlisted(spend.counterparty), `${field} ${spend.counterparty}`],
      ['token', knownToken(spend.token), `token ${spend.token}`],
      ['amount', false, `amount ${spend.amount}`],
    ]
    for (const [name, listed, what] of checks) {
      const source = sourceOf(name)
      if (gated.includes(source) && !listed) {
        const from = source === 'agent' ? 'another agent' : 'untrusted content'
        return {
          ok: false,
          field: name,
          source,
          reason: `${what} came from ${from}${name === 'amount' ? '' : ' and is not allowlisted'}`,
        }
      }
    }
  }
  return { ok: true }
}
