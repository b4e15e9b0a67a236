#!/usr/bin/env node
// forge calls this as its Solidity compiler: solc-js (WebAssembly, from npm) behind solc's CLI
// surface, so contracts build offline. Answers `--version` and `--standard-json`; other flags are ignored.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'

const require = createRequire(import.meta.url)
const solc = require('solc')

if (process.argv.includes('--version')) {
  const full = solc.version().replace('.Emscripten.clang', '')
  process.stdout.write(`solc, the solidity compiler commandline interface\nVersion: ${full}.Linux.g++\n`)
  process.exit(0)
}

const input = readFileSync(0, 'utf8')
const findImports = (path) => {
  try {
    return { contents: readFileSync(resolve(path), 'utf8') }
  } catch {
    return { error: `File not found: ${path}` }
  }
}
process.stdout.write(solc.compile(input, { import: findImports }))
