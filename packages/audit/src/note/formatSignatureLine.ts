import { encodeBase64 } from '../encoding/encodeBase64.ts'
import type { NoteSignature } from './NoteSignature.ts'

/**
 * The signature line of `signature`: em dash, space, key name, space, base64(key ID || signature), newline.
 *
 * @example
 * formatSignatureLine({ name: 'example.com/w1', keyId: 1, signature }) // '— example.com/w1 AAAAAf…\n'
 */
export function formatSignatureLine({ name, keyId, signature }: NoteSignature): string {
  const bytes = new Uint8Array(4 + signature.length)
  new DataView(bytes.buffer).setUint32(0, keyId)
  bytes.set(signature, 4)
  return `— ${name} ${encodeBase64(bytes)}\n`
}
