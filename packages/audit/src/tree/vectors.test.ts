import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { verifyConsistency } from './verifyConsistency.ts'
import { verifyInclusion } from './verifyInclusion.ts'

const root = resolve(import.meta.dirname, '../../../../../shared/vectors/rfc6962')

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.json') ? [path] : []
  })
}

/** Parses a vector, keeping integers beyond 2^53 (e.g. uint64 max) exact as bigint. */
function load(path: string): Record<string, unknown> {
  const text = readFileSync(path, 'utf8').replace(/:\s*(\d{16,})/g, ': "big:$1"')
  return JSON.parse(text, (_key, value) =>
    typeof value === 'string' && value.startsWith('big:') ? BigInt(value.slice(4)) : value,
  )
}

const b64 = (s: unknown) => new Uint8Array(Buffer.from(String(s ?? ''), 'base64'))
const list = (v: unknown) => ((v as string[] | null) ?? []).map(b64)
const int = (v: unknown) => (typeof v === 'bigint' ? v : BigInt(v as number))

describe('RFC 6962 conformance vectors (transparency-dev/merkle testdata)', () => {
  const inclusion = files(join(root, 'inclusion'))
  const consistency = files(join(root, 'consistency'))

  it('has the whole corpus', () => {
    expect(inclusion.length + consistency.length).toBe(196)
  })

  it.each(inclusion.map((f) => [relative(root, f), f]))('%s', (_name, file) => {
    const v = load(file)
    const run = () =>
      verifyInclusion({
        index: int(v.leafIdx),
        size: int(v.treeSize),
        leafHash: b64(v.leafHash),
        proof: list(v.proof),
        root: b64(v.root),
      })
    if (v.wantErr) expect(run).toThrow()
    else expect(run).not.toThrow()
  })

  it.each(consistency.map((f) => [relative(root, f), f]))('%s', (_name, file) => {
    const v = load(file)
    const run = () =>
      verifyConsistency({
        size1: int(v.size1),
        size2: int(v.size2),
        root1: b64(v.root1),
        root2: b64(v.root2),
        proof: list(v.proof),
      })
    if (v.wantErr) expect(run).toThrow()
    else expect(run).not.toThrow()
  })
})
