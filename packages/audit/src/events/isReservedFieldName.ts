import { publicFieldKinds } from './publicFieldKinds.ts'

const RESERVED = new Set(['', '__proto__', 'type', '_sd', '_sd_alg', '...', 'attributes', 'private'])

/**
 * Whether a name cannot be a private field: a public field name, a name of the sealed entry's own structure
 * (`type`, `_sd`, `_sd_alg`, `attributes`; `...` as in SD-JWT), `private`, `__proto__` or the empty name.
 *
 * @example
 * isReservedFieldName('gen_ai.request.model') // true
 * isReservedFieldName('gen_ai.input.messages') // false
 */
export function isReservedFieldName(name: string): boolean {
  return RESERVED.has(name) || Object.hasOwn(publicFieldKinds, name)
}
