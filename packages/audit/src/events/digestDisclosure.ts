import { sha256 } from '@noble/hashes/sha2.js'
import { encodeBase64url } from '../encoding/encodeBase64url.ts'

const encoder = new TextEncoder()

/**
 * SD-JWT digest of a disclosure: base64url(SHA-256(ASCII(disclosure))), the form listed in an entry's `_sd`.
 *
 * @example
 * digestDisclosure('WyI2cU1RdlJMNWhhaiIsICJmYW1pbHlfbmFtZSIsICJNw7ZiaXVzIl0')
 * // 'uutlBuYeMDyjLLTpf6Jxi7yNkEF35jdyWMn9U7b_RYY' (the SD-JWT specification's example)
 */
export function digestDisclosure(disclosure: string): string {
  return encodeBase64url(sha256(encoder.encode(disclosure)))
}
