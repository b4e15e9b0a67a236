import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CliError } from '../../errors/CliError.ts'
import { readUpState, writeUpState } from './upState.ts'

const dirs: string[] = []
const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sextant-upstate-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('readUpState / writeUpState', () => {
  it('round-trips the state in an owner-only file, and reads nothing on a first run', () => {
    const dir = dataDir()
    expect(readUpState(dir)).toBeUndefined()
    const state = { version: 1, origin: 'o', signerKey: 'k', token: 't', sessions: 2 } as const
    writeUpState(dir, state)
    expect(readUpState(dir)).toEqual(state)
    expect(statSync(join(dir, 'state.json')).mode & 0o777).toBe(0o600)
  })

  it.each([
    ['not JSON', '{"version": 1,'],
    ['another format', '{"version": 2, "signerKey": "k"}'],
    ['no signer key', '{"version": 1}'],
    ['null', 'null'],
  ])('refuses a stored state that is %s with a CliError', (_, text) => {
    const dir = dataDir()
    writeFileSync(join(dir, 'state.json'), text)
    expect(() => readUpState(dir)).toThrow(CliError)
    expect(() => readUpState(dir)).toThrow('cannot read the stored state')
  })
})
