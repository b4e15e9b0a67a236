import { describe, expect, it } from 'vitest'
import { InvalidInputError, NoteError } from '../errors/AuditError.ts'
import { addNoteSignatures } from './addNoteSignatures.ts'
import { generateSignerKey } from './generateSignerKey.ts'
import { openNote } from './openNote.ts'
import { parseNote } from './parseNote.ts'
import { parseSignerKey } from './parseSignerKey.ts'
import { parseVerifierKey } from './parseVerifierKey.ts'
import { signNote } from './signNote.ts'

const goSignerKey = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz'
const goText =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
const goNote = `${goText}\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`

describe('signNote', () => {
  it("reproduces the golang.org/x/mod/sumdb/note example byte for byte from Go's signer key", () => {
    expect(signNote({ text: goText, signers: [parseSignerKey(goSignerKey)] })).toBe(goNote)
  })

  it('round-trips with openNote', () => {
    const { signerKey, verifierKey } = generateSignerKey({ name: 'example.com/log' })
    const note = signNote({
      text: 'line one\n\nline three — ünïcode\n',
      signers: [parseSignerKey(signerKey)],
    })
    expect(openNote({ note, verifiers: [parseVerifierKey(verifierKey)] }).text).toBe(
      'line one\n\nline three — ünïcode\n',
    )
  })

  it.each([
    ['text not ending in a newline', 'hello'],
    ['empty text', ''],
    ['a control character', 'he\u0007llo\n'],
    ['a lone surrogate', 'he\udc00llo\n'],
  ])('rejects %s', (_, text) => {
    expect(() => signNote({ text, signers: [parseSignerKey(goSignerKey)] })).toThrow(InvalidInputError)
  })

  it('rejects the same signer twice', () => {
    const signer = parseSignerKey(goSignerKey)
    expect(() => signNote({ text: goText, signers: [signer, signer] })).toThrow(InvalidInputError)
  })

  it('rejects more than 100 signatures in all', () => {
    const signatures = Array.from({ length: 100 }, (_, i) => ({
      name: `w${i}.example`,
      keyId: i,
      signature: new Uint8Array([1]),
    }))
    expect(() => signNote({ text: goText, signers: [parseSignerKey(goSignerKey)], signatures })).toThrow(
      'too many signatures',
    )
  })
})

describe('addNoteSignatures', () => {
  it('keeps existing signatures and adds new ones after them', () => {
    const { signerKey, verifierKey } = generateSignerKey({ name: 'EnochRoot' })
    const note = addNoteSignatures({ note: goNote, signers: [parseSignerKey(signerKey)] })
    expect(note.startsWith(goNote)).toBe(true)
    const opened = openNote({
      note,
      verifiers: [
        parseVerifierKey('PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'),
        parseVerifierKey(verifierKey),
      ],
    })
    expect(opened.verifiedSignatures.map((s) => s.name)).toEqual(['PeterNeumann', 'EnochRoot'])
  })

  it("replaces a signer's own earlier signature instead of repeating it", () => {
    const note = addNoteSignatures({ note: goNote, signers: [parseSignerKey(goSignerKey)] })
    expect(note).toBe(goNote)
    expect(parseNote(note).signatures).toHaveLength(1)
  })

  it('rejects a malformed note', () => {
    expect(() => addNoteSignatures({ note: goText, signers: [parseSignerKey(goSignerKey)] })).toThrow(
      NoteError,
    )
  })
})
