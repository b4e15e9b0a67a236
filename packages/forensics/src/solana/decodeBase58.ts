import { base58 } from '@scure/base'
import { DecodeError } from '../errors/ForensicsError.ts'

/**
 * Decodes base58 (Solana's alphabet), throwing a {@link DecodeError} that names `what` on bad input.
 *
 * @example
 * decodeBase58('84eT', 'instruction data') // Uint8Array [3, 0, 0, 0]
 */
export function decodeBase58(value: unknown, what: string): Uint8Array {
  if (typeof value !== 'string') throw new DecodeError(`${what} is not a base58 string`)
  try {
    return base58.decode(value)
  } catch (cause) {
    throw new DecodeError(`${what} is not valid base58`, { details: value.slice(0, 60), cause })
  }
}
