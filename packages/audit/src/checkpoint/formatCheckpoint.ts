import { encodeBase64 } from '../encoding/encodeBase64.ts'
import { InvalidInputError } from '../errors/AuditError.ts'
import { hasForbiddenCharacter } from '../note/hasForbiddenCharacter.ts'
import type { Checkpoint } from './Checkpoint.ts'
import { isValidOrigin } from './isValidOrigin.ts'

/**
 * The c2sp.org/tlog-checkpoint note text of `checkpoint`: origin, decimal size, base64 root hash, then any
 * extension lines, each ending in a newline. Throws {@link InvalidInputError} for a field the format cannot
 * carry.
 *
 * @example
 * formatCheckpoint({ origin: 'example.com/log', size: 0, rootHash: emptyRoot() })
 * // 'example.com/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n'
 */
export function formatCheckpoint({ origin, size, rootHash, extensions = [] }: Checkpoint): string {
  if (!isValidOrigin(origin))
    throw new InvalidInputError('invalid checkpoint origin', { details: JSON.stringify(origin) })
  if (!Number.isSafeInteger(size) || size < 0)
    throw new InvalidInputError('invalid checkpoint tree size', { details: String(size) })
  if (rootHash.length !== 32)
    throw new InvalidInputError('checkpoint root hash must be 32 bytes', {
      details: `got ${rootHash.length}`,
    })
  for (const line of extensions)
    if (line === '' || line.includes('\n') || hasForbiddenCharacter(line))
      throw new InvalidInputError('invalid checkpoint extension line', { details: JSON.stringify(line) })
  return [origin, String(size), encodeBase64(rootHash), ...extensions].map((line) => `${line}\n`).join('')
}
