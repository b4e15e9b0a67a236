import { describe, expect, it } from 'vitest'
import { InvalidInputError, NoteError } from '../errors/AuditError.ts'
import { generateSignerKey } from './generateSignerKey.ts'
import { openNote } from './openNote.ts'
import { parseSignerKey } from './parseSignerKey.ts'
import { parseVerifierKey } from './parseVerifierKey.ts'
import { signNote } from './signNote.ts'

// The example of golang.org/x/mod/sumdb/note's package documentation.
const goVerifierKey = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'
const goText =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
const goSignature =
  '— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n'
const goNote = `${goText}\n${goSignature}`
const enochSignature =
  '— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n'

const goVerifier = parseVerifierKey(goVerifierKey)

function flipBase64Byte(note: string, name: string): string {
  const line = note.split('\n').find((l) => l.startsWith(`— ${name} `))!
  const bytes = Buffer.from(line.slice(`— ${name} `.length), 'base64')
  bytes[bytes.length - 1]! ^= 1
  return note.replace(line, `— ${name} ${bytes.toString('base64')}`)
}

describe('openNote', () => {
  it('verifies the golang.org/x/mod/sumdb/note example note', () => {
    const opened = openNote({ note: goNote, verifiers: [goVerifier] })
    expect(opened.text).toBe(goText)
    expect(opened.verifiedSignatures).toHaveLength(1)
    expect(opened.verifiedSignatures[0]!.name).toBe('PeterNeumann')
    expect(opened.verifiedSignatures[0]!.keyId).toBe(0xc74f20a3)
    expect(opened.unverifiedSignatures).toEqual([])
  })

  it('accepts the note as UTF-8 bytes', () => {
    const opened = openNote({ note: new TextEncoder().encode(goNote), verifiers: [goVerifier] })
    expect(opened.text).toBe(goText)
  })

  it("ignores the Go example's second signature by an unknown key (EnochRoot)", () => {
    const opened = openNote({ note: goNote + enochSignature, verifiers: [goVerifier] })
    expect(opened.verifiedSignatures.map((s) => s.name)).toEqual(['PeterNeumann'])
    expect(opened.unverifiedSignatures.map((s) => s.name)).toEqual(['EnochRoot'])
  })

  it('rejects a note whose text was altered', () => {
    const tampered = goNote.replace('cryptography', 'cryptographY')
    expect(() => openNote({ note: tampered, verifiers: [goVerifier] })).toThrow(NoteError)
    expect(() => openNote({ note: tampered, verifiers: [goVerifier] })).toThrow('invalid note signature')
  })

  it('rejects a note whose signature was altered', () => {
    const tampered = flipBase64Byte(goNote, 'PeterNeumann')
    expect(() => openNote({ note: tampered, verifiers: [goVerifier] })).toThrow('invalid note signature')
  })

  it('rejects a bad signature from a known key even next to a good one', () => {
    const other = generateSignerKey({ name: 'example.com/b' })
    const note = signNote({ text: goText, signers: [parseSignerKey(other.signerKey)] })
    const bad = flipBase64Byte(note, 'example.com/b')
    const both = `${goNote}${bad.slice(bad.indexOf('— '))}`
    const verifiers = [goVerifier, parseVerifierKey(other.verifierKey)]
    expect(() => openNote({ note: both, verifiers })).toThrow('invalid note signature')
    // The same note opens when the bad signer is not trusted: its line is then ignored.
    expect(openNote({ note: both, verifiers: [goVerifier] }).unverifiedSignatures).toHaveLength(1)
  })

  it('rejects a note with no signature by a trusted key', () => {
    const { verifierKey } = generateSignerKey({ name: 'PeterNeumann' })
    expect(() => openNote({ note: goNote, verifiers: [parseVerifierKey(verifierKey)] })).toThrow(
      'note has no verified signature',
    )
    expect(() => openNote({ note: goNote, verifiers: [] })).toThrow(NoteError)
  })

  it('ignores signatures that share only the name, or only the key ID, with a trusted key', () => {
    const sameName = generateSignerKey({ name: 'PeterNeumann' })
    const renamed = goNote + goSignature.replace('PeterNeumann', 'PeterNeumann2')
    const opened = openNote({
      note: renamed,
      verifiers: [goVerifier, parseVerifierKey(sameName.verifierKey)],
    })
    expect(opened.verifiedSignatures).toHaveLength(1)
    expect(opened.unverifiedSignatures.map((s) => s.name)).toEqual(['PeterNeumann2'])
  })

  it('drops repeated identical unknown signatures and repeated known ones', () => {
    const note = goNote + goSignature + enochSignature + enochSignature
    const opened = openNote({ note, verifiers: [goVerifier] })
    expect(opened.verifiedSignatures).toHaveLength(1)
    expect(opened.unverifiedSignatures).toHaveLength(1)
  })

  it('rejects two verifiers with the same name and key ID', () => {
    expect(() => openNote({ note: goNote, verifiers: [goVerifier, goVerifier] })).toThrow(InvalidInputError)
  })

  it('verifies any subset of trusted keys on a note with several signatures', () => {
    const keys = ['a.example', 'b.example', 'c.example'].map((name) => generateSignerKey({ name }))
    const note = signNote({ text: 'hello\n', signers: keys.map((k) => parseSignerKey(k.signerKey)) })
    for (const subset of [[0], [1, 2], [0, 1, 2]]) {
      const verifiers = subset.map((i) => parseVerifierKey(keys[i]!.verifierKey))
      const opened = openNote({ note, verifiers })
      expect(opened.verifiedSignatures).toHaveLength(subset.length)
      expect(opened.unverifiedSignatures).toHaveLength(3 - subset.length)
    }
  })
})
