import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runSextant } from './testing/runSextant.ts'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const sextant = runSextant

describe('sextant audit (CLI)', () => {
  it('initialises a log, appends, issues a receipt that verifies offline, and erases', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sextant-cli-'))
    dirs.push(dir)
    const at = ['--data-dir', dir]
    const init = await sextant('audit', 'init', ...at, '--json')
    expect(init.code).toBe(0)
    const { verifierKey } = JSON.parse(init.out)
    expect((await sextant('audit', 'init', ...at)).err).toMatch(/already has a key/)

    const entryFile = join(dir, 'entry.bin')
    writeFileSync(entryFile, 'model call #1')
    expect(JSON.parse((await sextant('audit', 'append', entryFile, ...at, '--json')).out)).toEqual({
      index: 0,
    })
    const eventFile = join(dir, 'event.json')
    writeFileSync(
      eventFile,
      JSON.stringify({ 'gen_ai.operation.name': 'chat', private: { 'sextant.reasoning': 'hmm' } }),
    )
    expect(JSON.parse((await sextant('audit', 'record', eventFile, ...at, '--json')).out)).toEqual({
      index: 1,
    })

    const receiptFile = join(dir, 'receipt.txt')
    writeFileSync(
      receiptFile,
      JSON.parse((await sextant('audit', 'receipt', '0', ...at, '--json')).out).receipt,
    )
    const verified = await sextant(
      'audit',
      'verify-receipt',
      receiptFile,
      '--entry',
      entryFile,
      '--key',
      verifierKey,
      '--json',
    )
    expect(JSON.parse(verified.out)).toMatchObject({ ok: true, index: 0, size: 2 })
    writeFileSync(entryFile, 'model call #2')
    const forged = await sextant(
      'audit',
      'verify-receipt',
      receiptFile,
      '--entry',
      entryFile,
      '--key',
      verifierKey,
    )
    expect(forged.code).toBe(1)

    expect(JSON.parse((await sextant('audit', 'erase', '1', ...at, '--json')).out)).toEqual({
      index: 1,
      erased: true,
    })
    expect(JSON.parse((await sextant('audit', 'show', '1', ...at, '--json')).out)).toMatchObject({
      erasedOrOpaque: true,
    })
  })

  it('explains usage errors and missing setup', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sextant-cli-'))
    dirs.push(dir)
    expect((await sextant('audit', 'checkpoint', '--data-dir', dir)).err).toMatch(/sextant audit init/)
    expect((await sextant('audit', 'receipt', 'abc', '--data-dir', dir)).code).toBe(1)
    expect((await sextant('nonsense')).code).toBe(2)
    expect((await sextant('--help')).code).toBe(0)
  })
})
