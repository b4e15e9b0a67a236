import { base64 } from '@scure/base'
import { DecodeError } from '../errors/ForensicsError.ts'

/**
 * Decodes padded standard base64 strictly (truncated or mangled input is rejected), throwing a
 * {@link DecodeError} that names `what`.
 *
 * @example
 * decodeBase64('vdt/007mYe4=', 'Program data') // the TradeEvent discriminator
 */
export function decodeBase64(value: unknown, what: string): Uint8Array {
  if (typeof value !== 'string') throw new DecodeError(`${what} is not a base64 string`)
  try {
    return base64.decode(value)
  } catch (cause) {
    throw new DecodeError(`${what} is not valid base64`, { details: `${value.length} characters`, cause })
  }
}
