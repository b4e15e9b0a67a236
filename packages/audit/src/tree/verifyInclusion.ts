import { ProofError } from '../errors/AuditError.ts'
import { chainBorderRight, chainInner, decomposeInclusionProof, equalBytes } from './chain.ts'

/** Parameters of {@link verifyInclusion}. */
export type VerifyInclusionParameters = {
  index: number | bigint
  size: number | bigint
  leafHash: Uint8Array
  proof: readonly Uint8Array[]
  root: Uint8Array
}

/**
 * Verifies an RFC 6962 / RFC 9162 inclusion proof; throws {@link ProofError} on any mismatch or malformed
 * input (wrong proof length, hashes that are not 32 bytes, index out of range).
 *
 * @example
 * verifyInclusion({ index: 3, size: 8, leafHash, proof, root })
 */
export function verifyInclusion({ index, size, leafHash, proof, root }: VerifyInclusionParameters): void {
  const computed = rootFromInclusionProof({ index, size, leafHash, proof })
  if (!equalBytes(computed, root)) throw new ProofError('inclusion proof does not match the root')
}

/**
 * Recomputes the root hash implied by an inclusion proof (RFC 9162 §2.1.3.2).
 *
 * @example
 * const root = rootFromInclusionProof({ index: 0, size: 1, leafHash, proof: [] }) // === leafHash
 */
export function rootFromInclusionProof({
  index,
  size,
  leafHash,
  proof,
}: Omit<VerifyInclusionParameters, 'root'>): Uint8Array {
  const i = BigInt(index)
  const n = BigInt(size)
  if (i < 0n || i >= n) throw new ProofError('index is beyond the tree size', { details: `${i} >= ${n}` })
  if (leafHash.length !== 32) throw new ProofError('leaf hash is not 32 bytes')
  if (proof.some((p) => p.length !== 32)) throw new ProofError('proof hash is not 32 bytes')
  const { inner, border } = decomposeInclusionProof(i, n)
  if (proof.length !== inner + border) {
    throw new ProofError('wrong proof size', { details: `got ${proof.length}, want ${inner + border}` })
  }
  return chainBorderRight(chainInner(leafHash, proof.slice(0, inner), i), proof.slice(inner))
}
