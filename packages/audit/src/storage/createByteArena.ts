import { InvalidInputError } from '../errors/AuditError.ts'

const CHUNK_SIZE = 1 << 20

/** An append-only list of byte strings packed into 1 MiB chunks (no per-item object kept alive). */
export type ByteArena = {
  /** Number of items. */
  readonly count: number
  /** Appends a copy of `bytes` (at most 1 MiB). */
  push(bytes: Uint8Array): void
  /** A copy of item `index` (the caller checks the bound). */
  get(index: number): Uint8Array
}

/**
 * Creates an empty arena. Used by the memory storage so a log of millions of entries and hashes costs its bytes
 * plus 12 bytes an item, rather than one heap object an item.
 *
 * @example
 * const arena = createByteArena()
 * arena.push(hash)
 * arena.get(0)
 */
export function createByteArena(): ByteArena {
  const chunks: Uint8Array[] = []
  let used = CHUNK_SIZE
  let starts = new Float64Array(1024)
  let lengths = new Uint32Array(1024)
  let count = 0
  return {
    get count() {
      return count
    },
    push(bytes) {
      if (bytes.length > CHUNK_SIZE) {
        throw new InvalidInputError('item too large for the arena', { details: `${bytes.length} bytes` })
      }
      if (count === starts.length) {
        const grownStarts = new Float64Array(count * 2)
        grownStarts.set(starts)
        starts = grownStarts
        const grownLengths = new Uint32Array(count * 2)
        grownLengths.set(lengths)
        lengths = grownLengths
      }
      if (used + bytes.length > CHUNK_SIZE) {
        chunks.push(new Uint8Array(CHUNK_SIZE))
        used = 0
      }
      chunks[chunks.length - 1]!.set(bytes, used)
      starts[count] = (chunks.length - 1) * CHUNK_SIZE + used
      lengths[count] = bytes.length
      used += bytes.length
      count++
    },
    get(index) {
      const start = starts[index]!
      const offset = start % CHUNK_SIZE
      return chunks[(start - offset) / CHUNK_SIZE]!.slice(offset, offset + lengths[index]!)
    },
  }
}
