import { describe, expect, it } from 'vitest'
import { encodeBase64url } from '../encoding/encodeBase64url.ts'
import { DisclosureError, InvalidInputError } from '../errors/AuditError.ts'
import { canonicalJson } from '../json/canonicalJson.ts'
import type { JsonValue } from '../json/JsonValue.ts'
import type { AiEvent } from './AiEvent.ts'
import { createDisclosure } from './createDisclosure.ts'
import { decodeDisclosure } from './decodeDisclosure.ts'
import { decodeEntry } from './decodeEntry.ts'
import { discloseFields } from './discloseFields.ts'
import { openEvent } from './openEvent.ts'
import { parseAiEvent } from './parseAiEvent.ts'
import { sealEvent } from './sealEvent.ts'
import { sampleEvents } from './testdata/sampleEvents.ts'
import { seededRandom } from './testdata/seededRandom.ts'

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes)
// The string values inside a value (message texts, arguments, addresses), not the short structural keys.
const strings = (value: JsonValue): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.flatMap(strings)
      : value && typeof value === 'object'
        ? Object.values(value).flatMap(strings)
        : []

describe('sealEvent / openEvent', () => {
  it('round-trips every sample event', () => {
    for (const event of Object.values(sampleEvents)) {
      const { entry, secret } = sealEvent(event)
      expect(openEvent({ entry, secret })).toEqual(parseAiEvent(event))
    }
    const bare: AiEvent = { 'gen_ai.operation.name': 'embeddings' }
    expect(openEvent(sealEvent(bare))).toEqual(bare)
  })

  it('writes the public fields, type tag and sorted digests as canonical JSON', () => {
    const { entry } = sealEvent(sampleEvents.chat)
    const json = JSON.parse(text(entry))
    expect(canonicalJson(json)).toBe(text(entry))
    const { private: privateFields, ...publicFields } = sampleEvents.chat
    const { type, _sd_alg, _sd, ...rest } = json
    expect(type).toBe('sextant.ai-event/v1')
    expect(_sd_alg).toBe('sha-256')
    expect(rest).toEqual(publicFields)
    expect(_sd).toHaveLength(Object.keys(privateFields).length)
    expect([..._sd].sort()).toEqual(_sd)
    for (const digest of _sd) expect(digest).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it('never writes a private value or name into the entry', () => {
    for (const event of Object.values(sampleEvents)) {
      const entryText = text(sealEvent(event).entry)
      const names = Object.keys(event.private)
      for (const secretText of [...names, ...strings(event.private).filter((s) => s.length >= 6)]) {
        expect(entryText).not.toContain(secretText)
        expect(entryText).not.toContain(JSON.stringify(secretText).slice(1, -1))
      }
    }
  })

  it('lays the secret out as version, key, nonce, ciphertext and tag', () => {
    const { entry, secret } = sealEvent(sampleEvents.tool, { random: seededRandom('layout') })
    const random = seededRandom('layout')
    random(16)
    random(16)
    const key = random(32)
    const nonce = random(24)
    expect(secret[0]).toBe(1)
    expect(secret.subarray(1, 33)).toEqual(key)
    expect(secret.subarray(33, 57)).toEqual(nonce)
    const disclosures = discloseFields({
      entry,
      secret,
      fields: ['gen_ai.tool.call.arguments', 'gen_ai.tool.call.result'],
    })
    const plaintext = canonicalJson(disclosures.disclosures)
    expect(secret.length).toBe(57 + plaintext.length + 16)
  })

  it('is stable: the same event and randomness give the same bytes, whatever the key order', () => {
    const a = sealEvent(sampleEvents.chat, { random: seededRandom('s') })
    const b = sealEvent(sampleEvents.chat, { random: seededRandom('s') })
    expect(a.entry).toEqual(b.entry)
    expect(a.secret).toEqual(b.secret)
    const reversed = Object.fromEntries(Object.entries(sampleEvents.chat).reverse()) as unknown as AiEvent
    reversed.private = Object.fromEntries(Object.entries(sampleEvents.chat.private).reverse())
    expect(sealEvent(reversed, { random: seededRandom('s') }).entry).toEqual(a.entry)
    const c = sealEvent(sampleEvents.chat, { random: seededRandom('t') })
    expect(c.entry).not.toEqual(a.entry)
    const { _sd: _a, ...publicA } = JSON.parse(text(a.entry))
    const { _sd: _c, ...publicC } = JSON.parse(text(c.entry))
    expect(publicC).toEqual(publicA)
  })

  it('draws fresh randomness by default', () => {
    const a = sealEvent(sampleEvents.tool)
    const b = sealEvent(sampleEvents.tool)
    expect(a.entry).not.toEqual(b.entry)
    expect(a.secret.subarray(1, 33)).not.toEqual(b.secret.subarray(1, 33))
  })

  it('uses 128-bit salts, unique across 10,000 seals', () => {
    const salts = new Set<string>()
    const event = {
      'gen_ai.operation.name': 'chat',
      private: { consent: 'yes', note: 'same value every time' },
    } as const
    for (let i = 0; i < 10_000; i++) {
      const { entry, secret } = sealEvent(event)
      for (const disclosure of discloseFields({ entry, secret, fields: ['consent', 'note'] }).disclosures) {
        const { salt } = decodeDisclosure(disclosure)
        expect(Buffer.from(salt, 'base64url').length).toBeGreaterThanOrEqual(16)
        salts.add(salt)
      }
    }
    expect(salts.size).toBe(20_000)
  })

  it('pads _sd with decoys to hide the number of private fields', () => {
    const one = sealEvent(sampleEvents.payment, { padDigestsTo: 8 })
    const five = sealEvent(sampleEvents.chat, { padDigestsTo: 8 })
    const none = sealEvent({ 'gen_ai.operation.name': 'chat' }, { padDigestsTo: 8 })
    for (const sealed of [one, five, none]) {
      const decoded = decodeEntry(sealed.entry)
      expect(decoded.kind === 'ai-event' && decoded.digests).toHaveLength(8)
    }
    expect(openEvent(five)).toEqual(parseAiEvent(sampleEvents.chat))
    expect(openEvent(none)).toEqual({ 'gen_ai.operation.name': 'chat' })
    const decoded = decodeEntry(sealEvent(sampleEvents.chat, { padDigestsTo: 3 }).entry)
    expect(decoded.kind === 'ai-event' && decoded.digests).toHaveLength(5)
    for (const padDigestsTo of [-1, 1.5, 1025]) {
      expect(() => sealEvent(sampleEvents.chat, { padDigestsTo })).toThrow(InvalidInputError)
    }
  })

  it('rejects a random source that returns the wrong length', () => {
    expect(() => sealEvent(sampleEvents.tool, { random: () => new Uint8Array(8) })).toThrow(
      'random source returned the wrong length',
    )
  })

  it('checks limits before sealing', () => {
    const event: AiEvent = {
      'gen_ai.operation.name': 'chat',
      private: { 'gen_ai.input.messages': 'x'.repeat(100) },
    }
    expect(() => sealEvent(event, { limits: { maxPrivateFieldBytes: 50 } })).toThrow(InvalidInputError)
    expect(openEvent(sealEvent(event))).toEqual(event)
  })
})

describe('erasure', () => {
  it('leaves only public fields and unopenable digests once the secret is gone', () => {
    const sealed = sealEvent(sampleEvents.chat)
    // Before erasure, only to show below that the salt is the sole barrier: the auditor's view of one field.
    const [consentDisclosure] = discloseFields({ ...sealed, fields: ['consent'] }).disclosures
    const trueSalt = Buffer.from(decodeDisclosure(consentDisclosure!).salt, 'base64url')
    let secret: Uint8Array | undefined = sealed.secret
    secret = undefined
    expect(secret).toBeUndefined()

    const { entry } = sealed
    const entryText = text(entry)
    for (const plaintext of [
      'Ada Lovelace',
      'Done, Ada.',
      'You are a helpful',
      'low-risk',
      'yes',
      'consent',
    ]) {
      expect(entryText.includes(plaintext)).toBe(false)
      expect(Buffer.from(entry).includes(Buffer.from(plaintext))).toBe(false)
    }
    const decoded = decodeEntry(entry)
    if (decoded.kind !== 'ai-event') throw new Error('expected an AI event')
    const { private: _private, ...publicFields } = sampleEvents.chat
    expect(decoded.publicFields).toEqual(publicFields)

    // Guessing a low-entropy value ("yes") cannot be checked without the 128-bit salt.
    const committed = new Set(decoded.digests)
    const guessedSalts = [
      new Uint8Array(0),
      new Uint8Array(16),
      new Uint8Array(16).fill(0xff),
      ...Array.from({ length: 2000 }, (_, i) => seededRandom(`guess ${i}`)(16)),
    ]
    for (const salt of guessedSalts) {
      for (const value of ['yes', 'no', 'Yes', true, false, 1, 0]) {
        expect(committed.has(createDisclosure({ salt, name: 'consent', value }).digest)).toBe(false)
      }
    }
    // With the salt, the same guess matches at once: the salt, destroyed with the secret, is the only barrier.
    expect(committed.has(createDisclosure({ salt: trueSalt, name: 'consent', value: 'yes' }).digest)).toBe(
      true,
    )
    expect(encodeBase64url(trueSalt)).toHaveLength(22)
  })

  it('cannot open an entry with another entry’s secret', () => {
    const a = sealEvent(sampleEvents.chat)
    const b = sealEvent(sampleEvents.chat)
    expect(() => openEvent({ entry: a.entry, secret: b.secret })).toThrow(DisclosureError)
    expect(() => openEvent({ entry: a.entry, secret: b.secret })).toThrow(
      'secret does not open for this entry',
    )
  })
})
