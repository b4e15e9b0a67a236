import { beforeAll, describe, expect, it } from 'vitest'
import { signCheckpoint } from '../checkpoint/signCheckpoint.ts'
import { generateWitnessKey } from '../cosignature/generateWitnessKey.ts'
import { openCosignedCheckpoint } from '../cosignature/openCosignedCheckpoint.ts'
import { parseCosignatureVerifierKey } from '../cosignature/parseCosignatureVerifierKey.ts'
import { torchwoodMldsaLog } from '../cosignature/testdata/torchwoodMldsaLog.ts'
import { InvalidInputError, NoteError, ProofError } from '../errors/AuditError.ts'
import { generateSignerKey } from '../note/generateSignerKey.ts'
import { parseSignerKey } from '../note/parseSignerKey.ts'
import { parseVerifierKey } from '../note/parseVerifierKey.ts'
import { formatReceipt } from '../receipt/formatReceipt.ts'
import { verifyReceipt } from '../receipt/verifyReceipt.ts'
import { createTestLog, type TestLog } from '../testing/createTestLog.test-utils.ts'
import { emptyRoot } from '../tree/emptyRoot.ts'
import { createMemoryWitnessState } from './createMemoryWitnessState.ts'
import { createWitness } from './createWitness.ts'
import { UnknownLogError } from './UnknownLogError.ts'
import type { Witness } from './Witness.ts'
import { WitnessConflictError } from './WitnessConflictError.ts'
import type { WitnessState } from './WitnessState.ts'

const origin = 'example.com/log'
const witnessKeys = [
  generateWitnessKey({ name: 'witness.example/w1', algorithm: 'ed25519' }),
  generateWitnessKey({ name: 'witness.example/w1', algorithm: 'ml-dsa-44' }),
]
let log: TestLog
let fork: TestLog

beforeAll(async () => {
  log = await createTestLog({ origin, size: 20 })
  // Same origin and key as `log` but different entries: a split view.
  fork = await createTestLog({ origin, size: 20, signerKey: log.signerKey, entryPrefix: 'forked' })
})

function newWitness(state: WitnessState = createMemoryWitnessState(), now = () => 1700000000): Witness {
  return createWitness({
    cosigners: witnessKeys.map((k) => k.signerKey),
    logs: [{ origin, verifierKeys: [log.verifierKey] }],
    state,
    now,
  })
}

async function add(witness: Witness, oldSize: number, size: number, source: TestLog = log) {
  const consistencyProof =
    oldSize === 0 || oldSize === size ? [] : await source.consistencyProof(oldSize, size)
  return witness.addCheckpoint({
    oldSize,
    consistencyProof,
    checkpointNote: await source.checkpointNote(size),
  })
}

describe('createWitness', () => {
  it('cosigns a first checkpoint with an empty proof, with every witness key', async () => {
    const state = createMemoryWitnessState()
    const result = await add(newWitness(state), 0, 5)
    expect(result.timestamp).toBe(1700000000)
    expect(result.signatures.map((s) => s.name)).toEqual(['witness.example/w1', 'witness.example/w1'])
    expect(result.body.split('\n').filter(Boolean)).toHaveLength(2)
    // A log appends the response lines to its note; clients verify them with the witness keys.
    const cosigned = (await log.checkpointNote(5)) + result.body
    const opened = openCosignedCheckpoint({
      note: cosigned,
      policy: {
        log: [parseVerifierKey(log.verifierKey)],
        witnesses: witnessKeys.map((k) => parseCosignatureVerifierKey(k.verifierKey)),
        quorum: 1,
      },
    })
    expect(opened.cosignatures.map((c) => c.algorithm)).toEqual(['ed25519', 'ml-dsa-44'])
    expect(await state.read(origin)).toEqual({ size: 5, rootHash: await log.root(5) })
  })

  it('advances with valid consistency proofs and re-cosigns the recorded checkpoint', async () => {
    const state = createMemoryWitnessState()
    const witness = newWitness(state)
    await add(witness, 0, 1)
    await add(witness, 1, 8)
    await add(witness, 8, 13)
    await add(witness, 13, 13)
    await add(witness, 13, 20)
    expect((await state.read(origin))?.size).toBe(20)
  })

  it('answers a stale old size with a conflict carrying the recorded size, and records nothing', async () => {
    const state = createMemoryWitnessState()
    const witness = newWitness(state)
    await add(witness, 0, 10)
    for (const oldSize of [0, 5, 12]) {
      const error = await add(witness, oldSize, 15).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(WitnessConflictError)
      expect((error as WitnessConflictError).recordedSize).toBe(10)
    }
    expect((await state.read(origin))?.size).toBe(10)
  })

  it('refuses a checkpoint smaller than the recorded one (a rollback)', async () => {
    const state = createMemoryWitnessState()
    const witness = newWitness(state)
    await add(witness, 0, 10)
    // Claiming the recorded size as old size: the checkpoint is smaller than it.
    await expect(
      witness.addCheckpoint({
        oldSize: 10,
        consistencyProof: [],
        checkpointNote: await log.checkpointNote(7),
      }),
    ).rejects.toThrow(InvalidInputError)
    // Claiming the rolled-back size: conflict with the recorded size.
    await expect(add(witness, 7, 7)).rejects.toMatchObject({ name: 'WitnessConflictError', recordedSize: 10 })
    expect((await state.read(origin))?.size).toBe(10)
  })

  it('refuses an inconsistent checkpoint (a split view) and a tampered proof', async () => {
    const state = createMemoryWitnessState()
    const witness = newWitness(state)
    await add(witness, 0, 10)
    const forkProof = await fork.consistencyProof(10, 15)
    await expect(
      witness.addCheckpoint({
        oldSize: 10,
        consistencyProof: forkProof,
        checkpointNote: await fork.checkpointNote(15),
      }),
    ).rejects.toThrow(ProofError)
    const proof = await log.consistencyProof(10, 15)
    proof[0] = proof[0]!.map((b, i) => (i === 0 ? b ^ 1 : b))
    await expect(
      witness.addCheckpoint({
        oldSize: 10,
        consistencyProof: proof,
        checkpointNote: await log.checkpointNote(15),
      }),
    ).rejects.toThrow(ProofError)
    await expect(
      witness.addCheckpoint({
        oldSize: 10,
        consistencyProof: [],
        checkpointNote: await log.checkpointNote(15),
      }),
    ).rejects.toThrow(ProofError)
    expect(await state.read(origin)).toEqual({ size: 10, rootHash: await log.root(10) })
  })

  it('refuses the same size with another root', async () => {
    const witness = newWitness()
    await add(witness, 0, 10)
    await expect(add(witness, 10, 10, fork)).rejects.toMatchObject({
      name: 'WitnessConflictError',
      recordedSize: 10,
    })
  })

  it('refuses a non-empty proof from old size 0, and an old size above the checkpoint size', async () => {
    const witness = newWitness()
    await expect(
      witness.addCheckpoint({
        oldSize: 0,
        consistencyProof: [new Uint8Array(32)],
        checkpointNote: await log.checkpointNote(3),
      }),
    ).rejects.toThrow(ProofError)
    await expect(
      witness.addCheckpoint({
        oldSize: 4,
        consistencyProof: [],
        checkpointNote: await log.checkpointNote(3),
      }),
    ).rejects.toThrow(InvalidInputError)
  })

  it('refuses unknown origins, untrusted keys and bad signatures', async () => {
    const witness = newWitness()
    const other = await createTestLog({ origin: 'example.com/other', size: 2 })
    await expect(add(witness, 0, 2, other)).rejects.toThrow(UnknownLogError)
    const impostor = generateSignerKey({ name: origin })
    const forged = signCheckpoint({
      checkpoint: { origin, size: 2, rootHash: await log.root(2) },
      signers: [parseSignerKey(impostor.signerKey)],
    })
    await expect(
      witness.addCheckpoint({ oldSize: 0, consistencyProof: [], checkpointNote: forged }),
    ).rejects.toThrow(NoteError)
    const note = await log.checkpointNote(2)
    const tampered = note.replace(`${origin}\n2\n`, `${origin}\n3\n`)
    await expect(
      witness.addCheckpoint({ oldSize: 0, consistencyProof: [], checkpointNote: tampered }),
    ).rejects.toThrow(NoteError)
  })

  it('refuses an empty tree whose root is not the empty hash, and accepts the real one', async () => {
    const witness = newWitness()
    const bad = signCheckpoint({
      checkpoint: { origin, size: 0, rootHash: new Uint8Array(32) },
      signers: [parseSignerKey(log.signerKey)],
    })
    await expect(
      witness.addCheckpoint({ oldSize: 0, consistencyProof: [], checkpointNote: bad }),
    ).rejects.toThrow(InvalidInputError)
    const good = signCheckpoint({
      checkpoint: { origin, size: 0, rootHash: emptyRoot() },
      signers: [parseSignerKey(log.signerKey)],
    })
    await expect(
      witness.addCheckpoint({ oldSize: 0, consistencyProof: [], checkpointNote: good }),
    ).resolves.toBeDefined()
  })

  it('lets exactly one of two concurrent requests from the same old size win, never rolling back', async () => {
    const state = createMemoryWitnessState()
    const witness = newWitness(state)
    await add(witness, 0, 5)
    const results = await Promise.allSettled([add(witness, 5, 9), add(witness, 5, 15)])
    const fulfilled = results.filter((r) => r.status === 'fulfilled')
    expect(fulfilled).toHaveLength(1)
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
    expect(rejected.reason).toBeInstanceOf(WitnessConflictError)
    const winner = (fulfilled[0] as PromiseFulfilledResult<{ checkpoint: { size: number } }>).value.checkpoint
      .size
    expect((await state.read(origin))?.size).toBe(winner)
  })

  it('refuses to cosign a checkpoint with extension lines with an ML-DSA-44 key, recording nothing', async () => {
    const state = createMemoryWitnessState()
    const note = signCheckpoint({
      checkpoint: { origin, size: 3, rootHash: await log.root(3), extensions: ['ext'] },
      signers: [parseSignerKey(log.signerKey)],
    })
    await expect(
      newWitness(state).addCheckpoint({ oldSize: 0, consistencyProof: [], checkpointNote: note }),
    ).rejects.toThrow(NoteError)
    expect(await state.read(origin)).toBeUndefined()
  })

  it('witnesses the ML-DSA-44 log of filippo.io/torchwood (its litewitness test request)', async () => {
    const witness = createWitness({
      cosigners: [witnessKeys[0]!.signerKey],
      logs: [{ origin: 'example.com/mldsa-log', verifierKeys: [torchwoodMldsaLog.verifierKey] }],
      state: createMemoryWitnessState(),
    })
    const result = await witness.addCheckpoint({
      oldSize: 0,
      consistencyProof: [],
      checkpointNote: torchwoodMldsaLog.note,
    })
    expect(result.body.startsWith('— witness.example/w1 ')).toBe(true)
  })

  it('feeds receipts that verify offline under a witness policy', async () => {
    const witness = newWitness()
    const { body } = await add(witness, 0, 20)
    const receipt = formatReceipt({
      index: 11,
      proof: await log.inclusionProof(11, 20),
      checkpointNote: (await log.checkpointNote(20)) + body,
    })
    const result = verifyReceipt({
      receipt,
      entry: log.entries[11]!,
      logVerifierKey: log.verifierKey,
      witnesses: { verifierKeys: [witnessKeys[1]!.verifierKey], quorum: 1 },
    })
    expect(result.cosignatures).toEqual([
      expect.objectContaining({ name: 'witness.example/w1', algorithm: 'ml-dsa-44', timestamp: 1700000000 }),
    ])
  })

  it('rejects invalid configurations', () => {
    const state = createMemoryWitnessState()
    expect(() => createWitness({ cosigners: [], logs: [], state })).toThrow(InvalidInputError)
    expect(() =>
      createWitness({ cosigners: [witnessKeys[0]!.signerKey], logs: [{ origin, verifierKeys: [] }], state }),
    ).toThrow(InvalidInputError)
    expect(() =>
      createWitness({ cosigners: [generateSignerKey({ name: 'w' }).signerKey], logs: [], state }),
    ).toThrow(InvalidInputError)
  })
})
