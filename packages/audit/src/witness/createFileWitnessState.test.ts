import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StorageError } from '../errors/AuditError.ts'
import { createFileWitnessState } from './createFileWitnessState.ts'

let directory: string
let path: string
const root = (byte: number) => new Uint8Array(32).fill(byte)

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'witness-state-'))
  path = join(directory, 'state.json')
})
afterEach(async () => {
  await rm(directory, { recursive: true, force: true })
})

describe('createFileWitnessState', () => {
  it('starts empty and persists updates across instances', async () => {
    const state = createFileWitnessState({ path })
    expect(await state.read('example.com/log')).toBeUndefined()
    expect(
      await state.update({
        origin: 'example.com/log',
        expected: undefined,
        next: { size: 3, rootHash: root(3) },
      }),
    ).toBe(true)
    const reopened = createFileWitnessState({ path })
    expect(await reopened.read('example.com/log')).toEqual({ size: 3, rootHash: root(3) })
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({
      version: 1,
      logs: { 'example.com/log': { size: 3, rootHash: Buffer.from(root(3)).toString('base64') } },
    })
  })

  it('is a compare-and-swap on size and root', async () => {
    const state = createFileWitnessState({ path })
    await state.update({ origin: 'o', expected: undefined, next: { size: 3, rootHash: root(3) } })
    expect(
      await state.update({ origin: 'o', expected: undefined, next: { size: 4, rootHash: root(4) } }),
    ).toBe(false)
    expect(
      await state.update({
        origin: 'o',
        expected: { size: 3, rootHash: root(9) },
        next: { size: 4, rootHash: root(4) },
      }),
    ).toBe(false)
    expect(
      await state.update({
        origin: 'o',
        expected: { size: 3, rootHash: root(3) },
        next: { size: 4, rootHash: root(4) },
      }),
    ).toBe(true)
    expect(await state.read('o')).toEqual({ size: 4, rootHash: root(4) })
  })

  it('serializes concurrent updates so only one wins, and leaves no temporary files', async () => {
    const state = createFileWitnessState({ path })
    const results = await Promise.all(
      [5, 6, 7, 8].map((size) =>
        state.update({ origin: 'o', expected: undefined, next: { size, rootHash: root(size) } }),
      ),
    )
    expect(results.filter(Boolean)).toHaveLength(1)
    expect(await readdir(directory)).toEqual(['state.json'])
    await Promise.all(
      ['a', 'b', 'c'].map((origin) =>
        state.update({ origin, expected: undefined, next: { size: 1, rootHash: root(1) } }),
      ),
    )
    expect(Object.keys(JSON.parse(await readFile(path, 'utf8')).logs).sort()).toEqual(['a', 'b', 'c', 'o'])
  })

  it.each([
    ['not JSON', '{'],
    ['another version', '{"version":2,"logs":{}}'],
    ['a bad root', '{"version":1,"logs":{"o":{"size":1,"rootHash":"AAAA"}}}'],
    [
      'a bad size',
      '{"version":1,"logs":{"o":{"size":-1,"rootHash":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}}}',
    ],
  ])('raises StorageError for a file with %s and does not overwrite it', async (_, contents) => {
    await writeFile(path, contents)
    const state = createFileWitnessState({ path })
    await expect(state.read('o')).rejects.toThrow(StorageError)
    await expect(
      state.update({ origin: 'x', expected: undefined, next: { size: 1, rootHash: root(1) } }),
    ).rejects.toThrow(StorageError)
    expect(await readFile(path, 'utf8')).toBe(contents)
  })

  it('keeps a witness consistent across restarts', async () => {
    const { createWitness } = await import('./createWitness.ts')
    const { createTestLog } = await import('../testing/createTestLog.test-utils.ts')
    const { generateWitnessKey } = await import('../cosignature/generateWitnessKey.ts')
    const log = await createTestLog({ origin: 'example.com/log', size: 9 })
    const { signerKey } = generateWitnessKey({ name: 'w.example', algorithm: 'ed25519' })
    const start = () =>
      createWitness({
        cosigners: [signerKey],
        logs: [{ origin: 'example.com/log', verifierKeys: [log.verifierKey] }],
        state: createFileWitnessState({ path }),
      })
    await start().addCheckpoint({
      oldSize: 0,
      consistencyProof: [],
      checkpointNote: await log.checkpointNote(4),
    })
    const restarted = start()
    await expect(
      restarted.addCheckpoint({
        oldSize: 0,
        consistencyProof: [],
        checkpointNote: await log.checkpointNote(9),
      }),
    ).rejects.toMatchObject({ recordedSize: 4 })
    await restarted.addCheckpoint({
      oldSize: 4,
      consistencyProof: await log.consistencyProof(4, 9),
      checkpointNote: await log.checkpointNote(9),
    })
  })
})
