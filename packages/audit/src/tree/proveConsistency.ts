import { InvalidInputError } from '../errors/AuditError.ts'
import { maxPow2Below } from './bits.ts'
import type { HashReader } from './HashReader.ts'
import { subtreeHash, subtreeIndexes } from './subtrees.ts'

/** Parameters of {@link proveConsistency}. */
export type ProveConsistencyParameters = { size1: number; size2: number }

/**
 * RFC 6962 consistency proof that the tree of `size1` records is a prefix of the tree of `size2` records.
 * `0 < size1 <= size2`; equal sizes give an empty proof.
 *
 * @example
 * const proof = await proveConsistency(reader, { size1: 4, size2: 7 })
 */
export async function proveConsistency(
  reader: HashReader,
  { size1, size2 }: ProveConsistencyParameters,
): Promise<Uint8Array[]> {
  if (!Number.isSafeInteger(size1) || !Number.isSafeInteger(size2) || size1 < 1 || size1 > size2) {
    throw new InvalidInputError('invalid tree sizes', { details: `size1 ${size1}, size2 ${size2}` })
  }
  const indexes = proofIndexes(0, size2, size1, [])
  if (indexes.length === 0) return []
  return proof(0, size2, size1, await reader.readHashes(indexes)).proof
}

function proofIndexes(lo: number, hi: number, n: number, need: number[]): number[] {
  if (n === hi) return lo === 0 ? need : subtreeIndexes(lo, hi, need)
  const { k } = maxPow2Below(hi - lo)
  if (n <= lo + k) return subtreeIndexes(lo + k, hi, proofIndexes(lo, lo + k, n, need))
  return proofIndexes(lo + k, hi, n, subtreeIndexes(lo, lo + k, need))
}

function proof(
  lo: number,
  hi: number,
  n: number,
  hashes: Uint8Array[],
): { proof: Uint8Array[]; rest: Uint8Array[] } {
  if (n === hi) {
    if (lo === 0) return { proof: [], rest: hashes }
    const { hash, rest } = subtreeHash(lo, hi, hashes)
    return { proof: [hash], rest }
  }
  const { k } = maxPow2Below(hi - lo)
  if (n <= lo + k) {
    const left = proof(lo, lo + k, n, hashes)
    const right = subtreeHash(lo + k, hi, left.rest)
    return { proof: [...left.proof, right.hash], rest: right.rest }
  }
  const left = subtreeHash(lo, lo + k, hashes)
  const right = proof(lo + k, hi, n, left.rest)
  return { proof: [...right.proof, left.hash], rest: right.rest }
}
