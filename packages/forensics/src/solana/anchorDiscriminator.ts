import { sha256 } from '@noble/hashes/sha2.js'
import { utf8ToBytes } from '@noble/hashes/utils.js'

/**
 * Anchor's 8-byte discriminator: the first 8 bytes of `sha256("<namespace>:<name>")`.
 * Instructions use the `global` namespace and the snake_case name; events use `event` and the
 * struct name.
 *
 * @example
 * anchorDiscriminator('event', 'TradeEvent') // [189, 219, 127, 211, 78, 230, 97, 238]
 * anchorDiscriminator('global', 'buy')       // [102, 6, 61, 18, 1, 218, 235, 234]
 */
export function anchorDiscriminator(namespace: 'global' | 'event', name: string): Uint8Array {
  return sha256(utf8ToBytes(`${namespace}:${name}`)).slice(0, 8)
}
