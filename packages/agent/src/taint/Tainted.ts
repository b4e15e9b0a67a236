import type { Provenance } from './Provenance.ts'

/**
 * A value with its provenance and the sources it was found in (message or tool-call ids), as the runtime hands
 * it to the wallet guard.
 *
 * @example
 * const to: Tainted<`0x${string}`> = { value: '0xabc…', provenance: 'untrusted', sources: ['call_2:web_fetch'] }
 */
export type Tainted<T> = { value: T; provenance: Provenance; sources: string[] }
