import { describe, expect, it } from 'vitest'
import { InvalidInputError } from '../errors/AuditError.ts'
import { computeKeyId } from './computeKeyId.ts'
import { generateSignerKey } from './generateSignerKey.ts'
import { parseSignerKey } from './parseSignerKey.ts'
import { parseVerifierKey } from './parseVerifierKey.ts'
import { splitVerifierKey } from './splitVerifierKey.ts'

const goSignerKey = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz'
const goVerifierKey = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'

describe('generateSignerKey', () => {
  it("encodes keys like Go's note.GenerateKey (the Go example's seed gives the Go example's keys)", () => {
    const seed = Buffer.from(
      goSignerKey.slice('PRIVATE+KEY+PeterNeumann+c74f20a3+'.length),
      'base64',
    ).subarray(1)
    expect(generateSignerKey({ name: 'PeterNeumann', seed })).toEqual({
      signerKey: goSignerKey,
      verifierKey: goVerifierKey,
    })
  })

  it('generates distinct random keys whose parts parse back', () => {
    const a = generateSignerKey({ name: 'example.com/log' })
    const b = generateSignerKey({ name: 'example.com/log' })
    expect(a.signerKey).not.toBe(b.signerKey)
    const signer = parseSignerKey(a.signerKey)
    const verifier = parseVerifierKey(a.verifierKey)
    expect([signer.name, signer.keyId]).toEqual([verifier.name, verifier.keyId])
    const text = new TextEncoder().encode('x\n')
    expect(verifier.verify(text, signer.sign(text))).toBe(true)
  })

  it('computes the key ID over name, newline, type and public key', () => {
    const { keyId, publicKey } = splitVerifierKey(goVerifierKey)
    expect(computeKeyId({ name: 'PeterNeumann', signatureType: 0x01, publicKey })).toBe(keyId)
    expect(computeKeyId({ name: 'PeterNeumann', signatureType: 0x04, publicKey })).not.toBe(keyId)
  })

  it.each(['', 'a b', 'a+b', 'a\nb', 'a\u00a0b'])('rejects the key name %j', (name) => {
    expect(() => generateSignerKey({ name })).toThrow(InvalidInputError)
  })

  it('rejects a seed that is not 32 bytes', () => {
    expect(() => generateSignerKey({ name: 'a', seed: new Uint8Array(31) })).toThrow(InvalidInputError)
  })
})

describe('parseVerifierKey / parseSignerKey', () => {
  it.each([
    ['a wrong key ID', goVerifierKey.replace('c74f20a3', 'c74f20a4')],
    ['a short key ID', goVerifierKey.replace('c74f20a3', 'c74f20a')],
    ['a missing field', 'PeterNeumann+c74f20a3'],
    ['bad base64', 'PeterNeumann+c74f20a3+ARpc2QcU!'],
    ['another name', goVerifierKey.replace('PeterNeumann', 'PeterNeumanm')],
    ['a cosignature key type', 'w+00000000+BBpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'],
  ])('rejects a verifier key with %s', (_, key) => {
    expect(() => parseVerifierKey(key)).toThrow(InvalidInputError)
  })

  it.each([
    ['no PRIVATE+KEY prefix', goSignerKey.slice('PRIVATE+KEY+'.length)],
    ['a wrong key ID', goSignerKey.replace('c74f20a3', '00000000')],
    ['a short seed', 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDE='],
    ['another name', goSignerKey.replace('PeterNeumann', 'Peter')],
  ])('rejects a signer key with %s', (_, key) => {
    expect(() => parseSignerKey(key)).toThrow(InvalidInputError)
  })

  it('does not leak key material in errors', () => {
    try {
      parseSignerKey(goSignerKey.replace('c74f20a3', '00000000'))
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('AYEK')
    }
  })
})
