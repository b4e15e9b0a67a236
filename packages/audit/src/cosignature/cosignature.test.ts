import { describe, expect, it } from 'vitest'
import { openCheckpoint } from '../checkpoint/openCheckpoint.ts'
import { signCheckpoint } from '../checkpoint/signCheckpoint.ts'
import { InvalidInputError, NoteError } from '../errors/AuditError.ts'
import { generateSignerKey } from '../note/generateSignerKey.ts'
import { openNote } from '../note/openNote.ts'
import { parseNote } from '../note/parseNote.ts'
import { parseSignerKey } from '../note/parseSignerKey.ts'
import { parseVerifierKey } from '../note/parseVerifierKey.ts'
import { signNote } from '../note/signNote.ts'
import { emptyRoot } from '../tree/emptyRoot.ts'
import { hashLeaf } from '../tree/hashLeaf.ts'
import { cosignatureTimestamp } from './cosignatureTimestamp.ts'
import { cosignCheckpoint } from './cosignCheckpoint.ts'
import { cosignedMessage } from './cosignedMessage.ts'
import { createCosignatureSigner } from './createCosignatureSigner.ts'
import { createCosignatureVerifier } from './createCosignatureVerifier.ts'
import { generateWitnessKey } from './generateWitnessKey.ts'
import { parseCosignatureSignerKey } from './parseCosignatureSignerKey.ts'
import { parseCosignatureVerifierKey } from './parseCosignatureVerifierKey.ts'
import { parseLogVerifierKey } from './parseLogVerifierKey.ts'
import { torchwoodMldsaLog } from './testdata/torchwoodMldsaLog.ts'
import { verifyCosignature } from './verifyCosignature.ts'

const specText = 'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n'
const log = generateSignerKey({ name: 'example.com/behind-the-sofa' })
const logNote = signNote({ text: specText, signers: [parseSignerKey(log.signerKey)] })

function setSignatureByte(note: string, name: string, index: number, xor: number): string {
  const line = note.split('\n').find((l) => l.startsWith(`— ${name} `))!
  const bytes = Buffer.from(line.slice(`— ${name} `.length), 'base64')
  bytes[index]! ^= xor
  return note.replace(line, `— ${name} ${bytes.toString('base64')}`)
}

describe('cosignedMessage', () => {
  it('builds the Ed25519 cosignature/v1 message of the spec example', () => {
    const message = cosignedMessage({
      algorithm: 'ed25519',
      name: 'w',
      timestamp: 1679315147,
      text: specText,
    })
    expect(Buffer.from(message).toString()).toBe(`cosignature/v1\ntime 1679315147\n${specText}`)
  })

  it('builds the ML-DSA-44 subtree/v1 cosigned_message byte for byte', () => {
    const message = cosignedMessage({
      algorithm: 'ml-dsa-44',
      name: 'mirror.test/m1',
      timestamp: 1679315147,
      text: specText,
    })
    const root = Buffer.from('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=', 'base64')
    const u64 = (n: number) => {
      const b = Buffer.alloc(8)
      b.writeBigUInt64BE(BigInt(n))
      return b
    }
    const want = Buffer.concat([
      Buffer.from('subtree/v1\n\0'),
      Buffer.from([14]),
      Buffer.from('mirror.test/m1'),
      u64(1679315147),
      Buffer.from([27]),
      Buffer.from('example.com/behind-the-sofa'),
      u64(0),
      u64(20852163),
      root,
    ])
    expect(Buffer.from(message).equals(want)).toBe(true)
  })

  it('refuses ML-DSA-44 messages for checkpoints with extension lines or a wrong empty root', () => {
    const params = { algorithm: 'ml-dsa-44', name: 'w', timestamp: 1 } as const
    expect(() => cosignedMessage({ ...params, text: `${specText}ext\n` })).toThrow(NoteError)
    const emptyBad = `example.com/log\n0\n${Buffer.from(hashLeaf(new Uint8Array())).toString('base64')}\n`
    expect(() => cosignedMessage({ ...params, text: emptyBad })).toThrow(NoteError)
    const emptyGood = `example.com/log\n0\n${Buffer.from(emptyRoot()).toString('base64')}\n`
    expect(cosignedMessage({ ...params, text: emptyGood }).length).toBeGreaterThan(0)
    // Ed25519 covers extension lines.
    expect(
      cosignedMessage({ ...params, algorithm: 'ed25519', text: `${specText}ext\n` }).length,
    ).toBeGreaterThan(0)
  })

  it('refuses texts that are not checkpoints and bad timestamps', () => {
    expect(() => cosignedMessage({ algorithm: 'ed25519', name: 'w', timestamp: 1, text: 'hello\n' })).toThrow(
      NoteError,
    )
    expect(() => cosignedMessage({ algorithm: 'ed25519', name: 'w', timestamp: -1, text: specText })).toThrow(
      InvalidInputError,
    )
  })
})

describe('torchwood ML-DSA-44 interoperability', () => {
  it('verifies the checkpoint signed by the ML-DSA-44 log of filippo.io/torchwood', () => {
    const verifier = parseLogVerifierKey(torchwoodMldsaLog.verifierKey)
    const { checkpoint, verifiedSignatures } = openCheckpoint({
      note: torchwoodMldsaLog.note,
      verifiers: [verifier],
      origin: 'example.com/mldsa-log',
    })
    expect(checkpoint.size).toBe(1)
    expect(checkpoint.rootHash).toEqual(hashLeaf(new TextEncoder().encode('testonly')))
    expect(cosignatureTimestamp(verifiedSignatures[0]!)).toBe(0)
  })

  it('derives the same ML-DSA-44 key as Go from the same FIPS 204 seed', () => {
    const seed = Buffer.from(torchwoodMldsaLog.seedHex, 'hex')
    const signer = createCosignatureSigner({ name: 'example.com/mldsa-log', algorithm: 'ml-dsa-44', seed })
    expect(signer.verifierKey).toBe(torchwoodMldsaLog.verifierKey)
    expect(
      generateWitnessKey({ name: 'example.com/mldsa-log', algorithm: 'ml-dsa-44', seed }).verifierKey,
    ).toBe(torchwoodMldsaLog.verifierKey)
  })

  it('rejects the torchwood note with a flipped signature byte, size or timestamp', () => {
    const verifiers = [parseCosignatureVerifierKey(torchwoodMldsaLog.verifierKey)]
    const flipped = setSignatureByte(torchwoodMldsaLog.note, 'example.com/mldsa-log', 100, 1)
    expect(() => openNote({ note: flipped, verifiers })).toThrow('invalid note signature')
    const resized = torchwoodMldsaLog.note.replace('mldsa-log\n1\n', 'mldsa-log\n2\n')
    expect(() => openNote({ note: resized, verifiers })).toThrow('invalid note signature')
    const retimed = setSignatureByte(torchwoodMldsaLog.note, 'example.com/mldsa-log', 11, 1)
    expect(() => openNote({ note: retimed, verifiers })).toThrow('invalid note signature')
  })
})

describe.each(['ed25519', 'ml-dsa-44'] as const)('%s cosignatures', (algorithm) => {
  const witness = generateWitnessKey({ name: 'witness.example/w1', algorithm })
  const cosigner = parseCosignatureSignerKey(witness.signerKey)
  const verifier = parseCosignatureVerifierKey(witness.verifierKey)

  it('cosign and verify, next to the log signature', () => {
    const { note, signatureLine, timestamp } = cosignCheckpoint({
      note: logNote,
      cosigner,
      timestamp: 1679315147,
    })
    expect(timestamp).toBe(1679315147)
    expect(note).toBe(`${logNote}${signatureLine}`)
    const opened = openNote({ note, verifiers: [parseVerifierKey(log.verifierKey), verifier] })
    expect(opened.verifiedSignatures.map((s) => s.name)).toEqual([
      'example.com/behind-the-sofa',
      'witness.example/w1',
    ])
    expect(cosignatureTimestamp(opened.verifiedSignatures[1]!)).toBe(1679315147)
    expect(
      verifyCosignature({ text: specText, signature: signatureLine, verifier: witness.verifierKey }),
    ).toEqual({
      timestamp: 1679315147,
    })
    // The witness alone verifies it too; the log's signature is then ignored.
    expect(openNote({ note, verifiers: [verifier] }).unverifiedSignatures).toHaveLength(1)
  })

  it('rejects a cosignature presented with a different timestamp', () => {
    const { note } = cosignCheckpoint({ note: logNote, cosigner, timestamp: 1679315147 })
    const retimed = setSignatureByte(note, 'witness.example/w1', 4 + 7, 1)
    expect(() => openNote({ note: retimed, verifiers: [verifier] })).toThrow('invalid note signature')
    const line = retimed.slice(retimed.lastIndexOf('— witness'))
    expect(() => verifyCosignature({ text: specText, signature: line, verifier })).toThrow(
      'invalid cosignature',
    )
  })

  it('rejects a cosignature over another checkpoint or with a flipped byte', () => {
    const { signatureLine } = cosignCheckpoint({ note: logNote, cosigner, timestamp: 5 })
    const other = specText.replace('20852163', '20852164')
    expect(() => verifyCosignature({ text: other, signature: signatureLine, verifier })).toThrow(NoteError)
    const { note } = cosignCheckpoint({ note: logNote, cosigner, timestamp: 5 })
    const flipped = setSignatureByte(note, 'witness.example/w1', 40, 0x80)
    expect(() => openNote({ note: flipped, verifiers: [verifier] })).toThrow('invalid note signature')
  })

  it('keeps existing signatures and replaces its own earlier cosignature', () => {
    const first = cosignCheckpoint({ note: logNote, cosigner, timestamp: 1 })
    const second = cosignCheckpoint({ note: first.note, cosigner, timestamp: 2 })
    const { signatures } = parseNote(second.note)
    expect(signatures.map((s) => s.name)).toEqual(['example.com/behind-the-sofa', 'witness.example/w1'])
    expect(cosignatureTimestamp(signatures[1]!)).toBe(2)
  })

  it('signs at the clock time as a NoteSigner', () => {
    const clocked = parseCosignatureSignerKey(witness.signerKey, { now: () => 42 })
    const note = signCheckpoint({
      checkpoint: { origin: 'example.com/log', size: 0, rootHash: emptyRoot() },
      signers: [clocked],
    })
    const opened = openNote({ note, verifiers: [verifier] })
    expect(cosignatureTimestamp(opened.verifiedSignatures[0]!)).toBe(42)
  })

  it('refuses to cosign a note that is not a checkpoint', () => {
    expect(() =>
      cosignCheckpoint({
        note: signNote({ text: 'hi\n', signers: [parseSignerKey(log.signerKey)] }),
        cosigner,
      }),
    ).toThrow(NoteError)
  })

  it('verifier key strings round-trip and carry the spec type byte', () => {
    expect(verifier.verifierKey).toBe(witness.verifierKey)
    const typeByte = Buffer.from(witness.verifierKey.split('+')[2]!.slice(0, 4), 'base64')[0]
    expect(typeByte).toBe(algorithm === 'ed25519' ? 0x04 : 0x06)
    expect(cosigner.keyId).toBe(verifier.keyId)
  })
})

describe('name binding', () => {
  it('ML-DSA-44 cosignatures commit to the cosigner name; Ed25519 ones do not (hence distinct keys per name)', () => {
    for (const algorithm of ['ed25519', 'ml-dsa-44'] as const) {
      const seed = new Uint8Array(32).fill(7)
      const a = createCosignatureSigner({ name: 'a.example', algorithm, seed })
      const b = createCosignatureVerifier({ name: 'b.example', algorithm, publicKey: a.publicKey })
      const signature = {
        name: 'b.example',
        keyId: b.keyId,
        signature: a.signAt(new TextEncoder().encode(specText), 9),
      }
      expect(b.verify(new TextEncoder().encode(specText), signature.signature)).toBe(algorithm === 'ed25519')
    }
  })
})

describe('cosigner keys', () => {
  it.each([
    ['an Ed25519 note key', generateSignerKey({ name: 'a' }).verifierKey],
    [
      'a wrong key ID',
      generateWitnessKey({ name: 'a', algorithm: 'ed25519' }).verifierKey.replace(
        /\+[0-9a-f]{8}\+/,
        '+00000000+',
      ),
    ],
  ])('rejects %s as a cosigner verifier key', (_, key) => {
    expect(() => parseCosignatureVerifierKey(key)).toThrow(InvalidInputError)
  })

  it('rejects a note signer key as a cosigner key and a truncated ML-DSA-44 public key', () => {
    expect(() => parseCosignatureSignerKey(generateSignerKey({ name: 'a' }).signerKey)).toThrow(
      InvalidInputError,
    )
    expect(() =>
      createCosignatureVerifier({ name: 'a', algorithm: 'ml-dsa-44', publicKey: new Uint8Array(1311) }),
    ).toThrow(InvalidInputError)
  })

  it('reproduces keys from a seed', () => {
    const seed = new Uint8Array(32).fill(1)
    for (const algorithm of ['ed25519', 'ml-dsa-44'] as const)
      expect(generateWitnessKey({ name: 'w', algorithm, seed })).toEqual(
        generateWitnessKey({ name: 'w', algorithm, seed }),
      )
  })

  it('parses log keys of every supported type', () => {
    expect(parseLogVerifierKey(log.verifierKey).name).toBe('example.com/behind-the-sofa')
    expect(
      parseLogVerifierKey(generateWitnessKey({ name: 'l', algorithm: 'ed25519' }).verifierKey).name,
    ).toBe('l')
    expect(() => parseLogVerifierKey(`x+${'0'.repeat(8)}+BQ==`)).toThrow(InvalidInputError)
  })
})
