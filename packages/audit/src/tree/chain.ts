import { hashChildren } from './hashChildren.ts'

/** Bit length of a non-negative bigint. */
export function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length
}

/** Population count of a non-negative bigint. */
export function onesCount(x: bigint): number {
  let count = 0
  for (const c of x.toString(2)) if (c === '1') count++
  return count
}

/** Sizes of the inner and border parts of an inclusion proof for `index` in a tree of `size` (RFC 9162 §2.1.3.2). */
export function decomposeInclusionProof(index: bigint, size: bigint): { inner: number; border: number } {
  const inner = bitLength(index ^ (size - 1n))
  return { inner, border: onesCount(index >> BigInt(inner)) }
}

/** Hashes `seed` up the inner part of a proof, taking sides from the bits of `index`. */
export function chainInner(seed: Uint8Array, proof: readonly Uint8Array[], index: bigint): Uint8Array {
  let h = seed
  proof.forEach((p, i) => {
    h = ((index >> BigInt(i)) & 1n) === 0n ? hashChildren(h, p) : hashChildren(p, h)
  })
  return h
}

/** Like {@link chainInner} but only folds in the left siblings (recomputes the old root in consistency proofs). */
export function chainInnerRight(seed: Uint8Array, proof: readonly Uint8Array[], index: bigint): Uint8Array {
  let h = seed
  proof.forEach((p, i) => {
    if (((index >> BigInt(i)) & 1n) === 1n) h = hashChildren(p, h)
  })
  return h
}

/** Folds the border part of a proof: every element is a left sibling. */
export function chainBorderRight(seed: Uint8Array, proof: readonly Uint8Array[]): Uint8Array {
  let h = seed
  for (const p of proof) h = hashChildren(p, h)
  return h
}

/** Constant-shape byte comparison. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!
  return diff === 0
}
