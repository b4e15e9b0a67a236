#!/usr/bin/env node
// Runs a TypeScript file of this repository (benchmarks, tools) with tsx: node packages/cli/bin/run-ts.js <file> [args]
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { register } from 'tsx/esm/api'

register()
const [file, ...rest] = process.argv.slice(2)
if (!file) {
  process.stderr.write('usage: run-ts <file.ts> [args]\n')
  process.exit(2)
}
process.argv = [process.argv[0], resolve(file), ...rest]
await import(pathToFileURL(resolve(file)).href)
