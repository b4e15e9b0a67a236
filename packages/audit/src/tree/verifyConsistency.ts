import { ProofError } from '../errors/AuditError.ts'
import {
  chainBorderRight,
  chainInner,
  chainInnerRight,
  decomposeInclusionProof,
  equalBytes,
} from './chain.ts'

/** Parameters of {@link verifyConsistency}. */
export type VerifyConsistencyParameters = {
  size1: number | bigint
  size2: number | bigint
  root1: Uint8Array
  root2: Uint8Array
  proof: readonly Uint8Array[]
}

/**
 * Verifies an RFC 6962 / RFC 9162 consistency proof between two tree heads; throws {@link ProofError}.
 * As in the Go reference verifier, a proof from size 0 is always rejected (a witness that accepts a first
 * checkpoint does so above this layer), and equal sizes need an empty proof and byte-equal roots.
 *
 * @example
 * verifyConsistency({ size1: 4, size2: 7, root1, root2, proof })
 */
export function verifyConsistency({ size1, size2, root1, root2, proof }: VerifyConsistencyParameters): void {
  const m = BigInt(size1)
  const n = BigInt(size2)
  if (n < m) throw new ProofError('size2 is smaller than size1', { details: `${n} < ${m}` })
  if (m === 0n) throw new ProofError('consistency with an empty tree cannot be proven')
  if (m === n) {
    if (proof.length > 0) throw new ProofError('sizes are equal but the proof is not empty')
    if (!equalBytes(root1, root2)) throw new ProofError('sizes are equal but the roots differ')
    return
  }
  if (proof.length === 0) throw new ProofError('empty consistency proof')
  if (proof.some((p) => p.length !== 32)) throw new ProofError('proof hash is not 32 bytes')

  const decomposed = decomposeInclusionProof(m - 1n, n)
  let shift = 0
  while (((m >> BigInt(shift)) & 1n) === 0n) shift++
  const inner = decomposed.inner - shift
  const startsAtOldRoot = m === 1n << BigInt(shift)
  const seed = startsAtOldRoot ? root1 : proof[0]!
  const rest = startsAtOldRoot ? proof : proof.slice(1)
  if (rest.length !== inner + decomposed.border) {
    throw new ProofError('wrong proof size', {
      details: `got ${proof.length}, want ${inner + decomposed.border + (startsAtOldRoot ? 0 : 1)}`,
    })
  }
  const mask = (m - 1n) >> BigInt(shift)
  const innerPart = rest.slice(0, inner)
  const borderPart = rest.slice(inner)
  const hash1 = chainBorderRight(chainInnerRight(seed, innerPart, mask), borderPart)
  if (!equalBytes(hash1, root1)) throw new ProofError('consistency proof does not match the old root')
  const hash2 = chainBorderRight(chainInner(seed, innerPart, mask), borderPart)
  if (!equalBytes(hash2, root2)) throw new ProofError('consistency proof does not match the new root')
}
