import { InvalidInputError } from '../errors/AuditError.ts'
import { maxPow2Below } from './bits.ts'
import type { HashReader } from './HashReader.ts'
import { subtreeHash, subtreeIndexes } from './subtrees.ts'

/** Parameters of {@link proveInclusion}. */
export type ProveInclusionParameters = { index: number; size: number }

/**
 * RFC 6962 inclusion proof (audit path, leaf to root) of record `index` in the tree of `size` records.
 *
 * @example
 * const proof = await proveInclusion(reader, { index: 3, size: 8 })
 */
export async function proveInclusion(
  reader: HashReader,
  { index, size }: ProveInclusionParameters,
): Promise<Uint8Array[]> {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) {
    throw new InvalidInputError('index out of range', { details: `index ${index}, tree size ${size}` })
  }
  const indexes = pathIndexes(0, size, index, [])
  if (indexes.length === 0) return []
  return path(0, size, index, await reader.readHashes(indexes)).proof
}

function pathIndexes(lo: number, hi: number, n: number, need: number[]): number[] {
  if (lo + 1 === hi) return need
  const { k } = maxPow2Below(hi - lo)
  if (n < lo + k) return subtreeIndexes(lo + k, hi, pathIndexes(lo, lo + k, n, need))
  return pathIndexes(lo + k, hi, n, subtreeIndexes(lo, lo + k, need))
}

function path(
  lo: number,
  hi: number,
  n: number,
  hashes: Uint8Array[],
): { proof: Uint8Array[]; rest: Uint8Array[] } {
  if (lo + 1 === hi) return { proof: [], rest: hashes }
  const { k } = maxPow2Below(hi - lo)
  if (n < lo + k) {
    const left = path(lo, lo + k, n, hashes)
    const right = subtreeHash(lo + k, hi, left.rest)
    return { proof: [...left.proof, right.hash], rest: right.rest }
  }
  const left = subtreeHash(lo, lo + k, hashes)
  const right = path(lo + k, hi, n, left.rest)
  return { proof: [...right.proof, left.hash], rest: right.rest }
}
