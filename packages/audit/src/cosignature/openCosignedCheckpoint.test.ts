import { describe, expect, it } from 'vitest'
import { signCheckpoint } from '../checkpoint/signCheckpoint.ts'
import { InvalidInputError, NoteError } from '../errors/AuditError.ts'
import { generateSignerKey } from '../note/generateSignerKey.ts'
import { parseSignerKey } from '../note/parseSignerKey.ts'
import { parseVerifierKey } from '../note/parseVerifierKey.ts'
import type { CosignaturePolicy } from './CosignaturePolicy.ts'
import { cosignCheckpoint } from './cosignCheckpoint.ts'
import { generateWitnessKey } from './generateWitnessKey.ts'
import { openCosignedCheckpoint } from './openCosignedCheckpoint.ts'
import { parseCosignatureSignerKey } from './parseCosignatureSignerKey.ts'
import { parseCosignatureVerifierKey } from './parseCosignatureVerifierKey.ts'

const origin = 'example.com/log'
const log = generateSignerKey({ name: origin })
const logNote = signCheckpoint({
  checkpoint: { origin, size: 7, rootHash: new Uint8Array(32).fill(3) },
  signers: [parseSignerKey(log.signerKey)],
})
const witnessKeys = [
  generateWitnessKey({ name: 'w1.example', algorithm: 'ed25519' }),
  generateWitnessKey({ name: 'w2.example', algorithm: 'ml-dsa-44' }),
  generateWitnessKey({ name: 'w3.example', algorithm: 'ed25519' }),
]
const policy: CosignaturePolicy = {
  log: [parseVerifierKey(log.verifierKey)],
  witnesses: witnessKeys.map((k) => parseCosignatureVerifierKey(k.verifierKey)),
  quorum: 2,
}

function cosignedBy(indexes: number[], note = logNote): string {
  return indexes.reduce(
    (acc, i) =>
      cosignCheckpoint({
        note: acc,
        cosigner: parseCosignatureSignerKey(witnessKeys[i]!.signerKey),
        timestamp: 100 + i,
      }).note,
    note,
  )
}

describe('openCosignedCheckpoint', () => {
  it('accepts the log signature plus any 2 of 3 witnesses', () => {
    for (const subset of [
      [0, 1],
      [1, 2],
      [0, 2],
      [0, 1, 2],
    ]) {
      const opened = openCosignedCheckpoint({ note: cosignedBy(subset), policy })
      expect(opened.checkpoint.size).toBe(7)
      expect(opened.logSignatures).toHaveLength(1)
      expect(opened.cosignatures.map((c) => c.name)).toEqual(subset.map((i) => `w${i + 1}.example`))
      expect(opened.cosignatures.map((c) => c.timestamp)).toEqual(subset.map((i) => 100 + i))
    }
  })

  it('rejects fewer than the quorum', () => {
    expect(() => openCosignedCheckpoint({ note: cosignedBy([1]), policy })).toThrow(
      'cosignature quorum not met',
    )
    expect(() => openCosignedCheckpoint({ note: logNote, policy })).toThrow(NoteError)
  })

  it('ignores cosignatures by unknown witnesses, which do not count', () => {
    const stranger = generateWitnessKey({ name: 'w9.example', algorithm: 'ed25519' })
    const note = cosignCheckpoint({
      note: cosignedBy([0]),
      cosigner: parseCosignatureSignerKey(stranger.signerKey),
    }).note
    expect(() => openCosignedCheckpoint({ note, policy })).toThrow('cosignature quorum not met')
    expect(
      openCosignedCheckpoint({ note, policy: { ...policy, quorum: 1 } }).unverifiedSignatures,
    ).toHaveLength(1)
  })

  it('requires the log signature even with every witness', () => {
    const stripped = cosignedBy([0, 1, 2]).replace(/— example\.com\/log [^\n]*\n/, '')
    expect(() => openCosignedCheckpoint({ note: stripped, policy })).toThrow(
      'checkpoint is not signed by the log',
    )
  })

  it('rejects a bad cosignature from a trusted witness even when the quorum is met without it', () => {
    const note = cosignedBy([0, 1, 2])
    const line = note.split('\n').find((l) => l.startsWith('— w3.example '))!
    const bytes = Buffer.from(line.slice('— w3.example '.length), 'base64')
    bytes[20]! ^= 1
    const tampered = note.replace(line, `— w3.example ${bytes.toString('base64')}`)
    expect(() => openCosignedCheckpoint({ note: tampered, policy })).toThrow('invalid note signature')
  })

  it('counts a witness with two keys once', () => {
    const second = generateWitnessKey({ name: 'w1.example', algorithm: 'ml-dsa-44' })
    const both = cosignCheckpoint({
      note: cosignedBy([0]),
      cosigner: parseCosignatureSignerKey(second.signerKey),
    }).note
    const twoKeys = {
      ...policy,
      witnesses: [...policy.witnesses, parseCosignatureVerifierKey(second.verifierKey)],
    }
    expect(() => openCosignedCheckpoint({ note: both, policy: twoKeys })).toThrow(
      'cosignature quorum not met',
    )
    expect(
      openCosignedCheckpoint({ note: both, policy: { ...twoKeys, quorum: 1 } }).cosignatures,
    ).toHaveLength(2)
  })

  it('checks the origin against the log key name, or the policy origin', () => {
    const other = generateSignerKey({ name: 'example.com/other-name' })
    const note = signCheckpoint({
      checkpoint: { origin, size: 1, rootHash: new Uint8Array(32) },
      signers: [parseSignerKey(other.signerKey)],
    })
    const otherPolicy = { log: [parseVerifierKey(other.verifierKey)], witnesses: [], quorum: 0 }
    expect(() => openCosignedCheckpoint({ note, policy: otherPolicy })).toThrow('checkpoint origin mismatch')
    expect(openCosignedCheckpoint({ note, policy: { ...otherPolicy, origin } }).checkpoint.origin).toBe(
      origin,
    )
  })

  it('rejects invalid policies', () => {
    expect(() => openCosignedCheckpoint({ note: logNote, policy: { ...policy, quorum: 4 } })).toThrow(
      InvalidInputError,
    )
    expect(() => openCosignedCheckpoint({ note: logNote, policy: { ...policy, quorum: -1 } })).toThrow(
      InvalidInputError,
    )
    expect(() => openCosignedCheckpoint({ note: logNote, policy: { ...policy, log: [] } })).toThrow(
      InvalidInputError,
    )
  })
})
