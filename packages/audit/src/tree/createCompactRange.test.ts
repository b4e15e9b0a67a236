import { describe, expect, it } from 'vitest'
import { createCompactRange } from './createCompactRange.ts'
import { createMemoryTree } from './createMemoryTree.ts'
import { emptyRoot } from './emptyRoot.ts'
import { hashLeaf } from './hashLeaf.ts'
import { storedHashIndex } from './storedHashIndex.ts'
import { treeHash } from './treeHash.ts'

describe('createCompactRange', () => {
  it('gives the RFC 6962 root at every size, and reports every complete subtree once', async () => {
    const tree = createMemoryTree()
    const nodes: string[] = []
    const range = createCompactRange({ onNode: ({ level, index }) => nodes.push(`${level}/${index}`) })
    expect(range.root()).toEqual(emptyRoot())
    for (let i = 0; i < 300; i++) {
      const leaf = hashLeaf(new TextEncoder().encode(`leaf ${i}`))
      await tree.append(leaf)
      range.append(leaf)
      expect(range.size).toBe(i + 1)
      expect(range.root()).toEqual(await treeHash(tree, { size: i + 1 }))
    }
    expect(new Set(nodes).size).toBe(nodes.length)
    expect(nodes.length).toBe(300 + 300 - 4) // leaves, and one node per merge: 300 = 256 + 32 + 8 + 4 stay open
  })

  it('reports each closed subtree with the hash stored for it', async () => {
    const tree = createMemoryTree()
    const checks: Promise<void>[] = []
    const range = createCompactRange({
      onNode: ({ level, index, hash }) => {
        checks.push(tree.readHashes([storedHashIndex(level, index)]).then(([h]) => expect(h).toEqual(hash)))
      },
    })
    for (let i = 0; i < 70; i++) {
      const leaf = hashLeaf(new Uint8Array([i]))
      await tree.append(leaf)
      range.append(leaf)
    }
    await Promise.all(checks)
    expect(checks.length).toBe(70 + 70 - 3) // 70 = 64 + 4 + 2: three right-edge subtrees stay open
  })
})
