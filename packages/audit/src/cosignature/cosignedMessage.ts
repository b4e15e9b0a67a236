import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js'
import { parseCheckpoint } from '../checkpoint/parseCheckpoint.ts'
import { InvalidInputError, NoteError } from '../errors/AuditError.ts'
import { emptyRoot } from '../tree/emptyRoot.ts'
import type { CosignatureAlgorithm } from './CosignatureAlgorithm.ts'

/** Parameters of {@link cosignedMessage}. */
export type CosignedMessageParameters = {
  algorithm: CosignatureAlgorithm
  /** Cosigner key name (committed to by ML-DSA-44 only). */
  name: string
  /** POSIX seconds, a non-negative safe integer. */
  timestamp: number
  /** The checkpoint note text, ending in a newline. */
  text: string
}

const SUBTREE_LABEL = utf8ToBytes('subtree/v1\n\0')

/**
 * The message a c2sp.org/tlog-cosignature signature signs.
 * Ed25519: `cosignature/v1\ntime <timestamp>\n` followed by the whole checkpoint text (extension lines included).
 * ML-DSA-44: the `cosigned_message` struct — label `subtree/v1\n\0`, the 1-byte-length-prefixed cosigner name,
 * the uint64 timestamp, the length-prefixed origin, uint64 start (0 for a checkpoint), uint64 end (the tree
 * size), the 32-byte root — and, as in filippo.io/torchwood, only for checkpoints without extension lines (the
 * struct does not cover them) and with the empty-string hash as root of an empty tree.
 * Throws {@link NoteError} when the text is not such a checkpoint, {@link InvalidInputError} for a bad timestamp.
 *
 * @example
 * cosignedMessage({ algorithm: 'ed25519', name: 'w.example', timestamp: 1679315147, text })
 * // 'cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n…' as bytes
 */
export function cosignedMessage({ algorithm, name, timestamp, text }: CosignedMessageParameters): Uint8Array {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0)
    throw new InvalidInputError('invalid cosignature timestamp', { details: String(timestamp) })
  const checkpoint = parseCheckpoint(text)
  if (algorithm === 'ed25519') return utf8ToBytes(`cosignature/v1\ntime ${timestamp}\n${text}`)
  if (checkpoint.extensions.length > 0)
    throw new NoteError('ML-DSA-44 cosignatures do not cover checkpoint extension lines')
  const emptyRootHash = emptyRoot()
  if (checkpoint.size === 0 && !checkpoint.rootHash.every((byte, i) => byte === emptyRootHash[i]))
    throw new NoteError('an empty tree must have the hash of the empty string as root')
  const nameBytes = utf8ToBytes(name)
  const originBytes = utf8ToBytes(checkpoint.origin)
  if (nameBytes.length === 0 || nameBytes.length > 255)
    throw new InvalidInputError('cosigner name must be 1 to 255 bytes', { details: name })
  return concatBytes(
    SUBTREE_LABEL,
    new Uint8Array([nameBytes.length]),
    nameBytes,
    uint64(timestamp),
    new Uint8Array([originBytes.length]),
    originBytes,
    uint64(0),
    uint64(checkpoint.size),
    checkpoint.rootHash,
  )
}

function uint64(value: number): Uint8Array {
  const bytes = new Uint8Array(8)
  new DataView(bytes.buffer).setBigUint64(0, BigInt(value))
  return bytes
}
