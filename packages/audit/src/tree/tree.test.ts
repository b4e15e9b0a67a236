import { describe, expect, it } from 'vitest'
import { ProofError } from '../errors/AuditError.ts'
import { createMemoryTree } from './createMemoryTree.ts'
import { emptyRoot } from './emptyRoot.ts'
import { hashChildren } from './hashChildren.ts'
import { hashLeaf } from './hashLeaf.ts'
import { proveConsistency } from './proveConsistency.ts'
import { proveInclusion } from './proveInclusion.ts'
import { storedHashCount } from './storedHashCount.ts'
import { treeHash } from './treeHash.ts'
import { verifyConsistency } from './verifyConsistency.ts'
import { verifyInclusion } from './verifyInclusion.ts'

// Direct transcription of RFC 6962 §2.1 (MTH, PATH, PROOF/SUBPROOF), the reference the stored-hash code must match.
const k = (n: number) => 2 ** Math.floor(Math.log2(n - 1))
const mth = (d: Uint8Array[]): Uint8Array =>
  d.length === 0
    ? emptyRoot()
    : d.length === 1
      ? d[0]!
      : hashChildren(mth(d.slice(0, k(d.length))), mth(d.slice(k(d.length))))
const pathRef = (m: number, d: Uint8Array[]): Uint8Array[] => {
  if (d.length <= 1) return []
  const s = k(d.length)
  return m < s
    ? [...pathRef(m, d.slice(0, s)), mth(d.slice(s))]
    : [...pathRef(m - s, d.slice(s)), mth(d.slice(0, s))]
}
const subproof = (m: number, d: Uint8Array[], b: boolean): Uint8Array[] => {
  const n = d.length
  if (m === n) return b ? [] : [mth(d)]
  const s = k(n)
  return m <= s
    ? [...subproof(m, d.slice(0, s), b), mth(d.slice(s))]
    : [...subproof(m - s, d.slice(s), false), mth(d.slice(0, s))]
}

const leaves = (n: number) =>
  Array.from({ length: n }, (_, i) => hashLeaf(new TextEncoder().encode(`entry ${i}`)))

describe('stored-hash tree', () => {
  it('matches the RFC 6962 reference for every size, index and pair up to 40', async () => {
    const all = leaves(40)
    const tree = createMemoryTree()
    for (let size = 1; size <= 40; size++) {
      await tree.append(all[size - 1]!)
      const d = all.slice(0, size)
      const root = await treeHash(tree, { size })
      expect(root).toEqual(mth(d))
      for (let index = 0; index < size; index++) {
        const proof = await proveInclusion(tree, { index, size })
        expect(proof).toEqual(pathRef(index, d))
        verifyInclusion({ index, size, leafHash: d[index]!, proof, root })
      }
      for (let size1 = 1; size1 <= size; size1++) {
        const proof = await proveConsistency(tree, { size1, size2: size })
        expect(proof).toEqual(subproof(size1, d, true))
        verifyConsistency({ size1, size2: size, root1: mth(all.slice(0, size1)), root2: root, proof })
      }
    }
  })

  it('stores exactly storedHashCount(n) hashes', async () => {
    const tree = createMemoryTree()
    const seen: number[] = []
    const reader = { readHashes: tree.readHashes }
    for (const leaf of leaves(70)) {
      await tree.append(leaf)
      seen.push(storedHashCount(tree.size))
    }
    expect(seen[0]).toBe(1)
    expect(seen[1]).toBe(3)
    expect(seen[3]).toBe(7)
    await expect(reader.readHashes([storedHashCount(70)])).rejects.toThrow()
  })

  it('rejects any single-bit change to a proof, and proofs of the wrong length', async () => {
    const d = leaves(13)
    const tree = createMemoryTree()
    for (const leaf of d) await tree.append(leaf)
    const root = await treeHash(tree, { size: 13 })
    const proof = await proveInclusion(tree, { index: 6, size: 13 })
    for (let i = 0; i < proof.length; i++) {
      for (const bit of [0, 77, 255]) {
        const bad = proof.map((p) => p.slice())
        bad[i]![bit >> 3]! ^= 1 << (bit & 7)
        expect(() => verifyInclusion({ index: 6, size: 13, leafHash: d[6]!, proof: bad, root })).toThrow(
          ProofError,
        )
      }
    }
    expect(() =>
      verifyInclusion({ index: 6, size: 13, leafHash: d[6]!, proof: proof.slice(1), root }),
    ).toThrow(/wrong proof size/)
    const c = await proveConsistency(tree, { size1: 5, size2: 13 })
    const root5 = await treeHash(tree, { size: 5 })
    expect(() =>
      verifyConsistency({ size1: 5, size2: 13, root1: root5, root2: root, proof: [...c, c[0]!] }),
    ).toThrow()
    expect(() => verifyConsistency({ size1: 5, size2: 13, root1: root, root2: root5, proof: c })).toThrow()
  })

  it('refuses out-of-range requests with a clear error', async () => {
    const tree = createMemoryTree()
    await tree.append(leaves(1)[0]!)
    await expect(proveInclusion(tree, { index: 1, size: 1 })).rejects.toThrow(/index out of range/)
    await expect(proveConsistency(tree, { size1: 0, size2: 1 })).rejects.toThrow(/invalid tree sizes/)
    await expect(proveConsistency(tree, { size1: 2, size2: 1 })).rejects.toThrow(/invalid tree sizes/)
  })
})
