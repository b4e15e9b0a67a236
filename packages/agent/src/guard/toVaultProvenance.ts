import type { ProvenanceSource } from '@sextant/vault/provenance/Provenance'
import type { Tainted } from '../taint/Tainted.ts'

/**
 * The vault's provenance entry for a tainted value: the user and the operator become `user`, a trusted tool's
 * result `tool`, a value no input held (the model's own) `agent`, untrusted text `untrusted`; the sources become
 * the note.
 *
 * @example
 * toVaultProvenance({ value: '0x…', provenance: 'untrusted', sources: ['call_1:web_fetch'] })
 * // { source: 'untrusted', note: 'call_1:web_fetch' }
 */
export function toVaultProvenance(t: Tainted<unknown>): { source: ProvenanceSource; note?: string } {
  const source: ProvenanceSource = t.provenance === 'system' ? 'user' : t.provenance
  return t.sources.length > 0 ? { source, note: t.sources.join(', ') } : { source }
}
