/** A disjoint-set forest over string keys. */
export type UnionFind = {
  find(key: string): string
  union(a: string, b: string): void
  /** Every key added so far, grouped by set. */
  groups(): Map<string, string[]>
}

/**
 * Creates a union-find (path compression, union by size) used to merge wallets into entities.
 *
 * @example
 * const uf = createUnionFind()
 * uf.union('a', 'b')
 * uf.find('a') === uf.find('b') // true
 */
export function createUnionFind(): UnionFind {
  const parent = new Map<string, string>()
  const size = new Map<string, number>()
  const find = (key: string): string => {
    let root = parent.get(key)
    if (root === undefined) {
      parent.set(key, key)
      size.set(key, 1)
      return key
    }
    while (root !== parent.get(root)) root = parent.get(root)!
    let node = key
    while (node !== root) {
      const next = parent.get(node)!
      parent.set(node, root)
      node = next
    }
    return root
  }
  return {
    find,
    union(a, b) {
      let ra = find(a)
      let rb = find(b)
      if (ra === rb) return
      if (size.get(ra)! < size.get(rb)!) [ra, rb] = [rb, ra]
      parent.set(rb, ra)
      size.set(ra, size.get(ra)! + size.get(rb)!)
    },
    groups() {
      const out = new Map<string, string[]>()
      for (const key of parent.keys()) {
        const root = find(key)
        const list = out.get(root)
        if (list) list.push(key)
        else out.set(root, [key])
      }
      return out
    },
  }
}
