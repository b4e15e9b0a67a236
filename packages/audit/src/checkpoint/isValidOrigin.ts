import { hasForbiddenCharacter } from '../note/hasForbiddenCharacter.ts'

/**
 * Whether `origin` can be a checkpoint origin line: non-empty, at most 255 UTF-8 bytes (the limit of
 * filippo.io/torchwood and of the ML-DSA-44 cosigned message), no newline or other control character.
 *
 * @example
 * isValidOrigin('example.com/log') // true
 */
export function isValidOrigin(origin: string): boolean {
  return (
    origin.length > 0 &&
    !origin.includes('\n') &&
    !hasForbiddenCharacter(origin) &&
    Buffer.byteLength(origin) <= 255
  )
}
