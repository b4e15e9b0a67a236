#!/usr/bin/env node
// Converts the transparency-dev/merkle consistency vectors (`testdata/consistency/**.json`, base64 hashes) into
// the hex fixture that contracts/test/audit/MerkleConsistencyVectors.t.sol reads with forge's JSON cheatcodes.
// The ABI types hashes as bytes32, so a value shorter than 32 bytes (the corpus's "WrongRoot" and garbage cases)
// is right-padded with zeros, as Solidity writes bytes32("WrongRoot"); a longer one would be an error.
// Usage: node tools/convertConsistencyVectors.mjs <consistency dir> [out.json]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const [source, out = 'contracts/test/audit/vectors/rfc6962-consistency.json'] = process.argv.slice(2)
if (!source) {
  process.stderr.write('usage: node tools/convertConsistencyVectors.mjs <consistency dir> [out.json]\n')
  process.exit(2)
}

const files = (dir) =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => join(e.parentPath, e.name))
    .sort()

const toBytes32 = (base64, file) => {
  const bytes = Buffer.from(base64, 'base64')
  if (bytes.length > 32) throw new Error(`${file}: a ${bytes.length}-byte hash does not fit bytes32`)
  return `0x${Buffer.concat([bytes, Buffer.alloc(32 - bytes.length)]).toString('hex')}`
}

const vectors = files(source).map((file) => {
  const v = JSON.parse(readFileSync(file, 'utf8'))
  return {
    name: relative(source, file),
    size1: v.size1,
    size2: v.size2,
    root1: toBytes32(v.root1, file),
    root2: toBytes32(v.root2, file),
    proof: (v.proof ?? []).map((h) => toBytes32(h, file)),
    wantErr: v.wantErr,
  }
})

const fixture = {
  source: 'transparency-dev/merkle testdata/consistency @ 417fb0c314750d94e53942e9f92e79b6d35915db',
  license: 'Apache-2.0, see LICENSE-transparency-dev-merkle; converted from base64 to hex',
  count: vectors.length,
  vectors,
}
writeFileSync(out, `${JSON.stringify(fixture, null, 2)}\n`)
process.stdout.write(`${vectors.length} vectors -> ${out}\n`)
