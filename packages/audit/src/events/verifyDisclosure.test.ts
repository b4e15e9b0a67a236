import { describe, expect, it } from 'vitest'
import { encodeBase64url } from '../encoding/encodeBase64url.ts'
import { DisclosureError, InvalidInputError } from '../errors/AuditError.ts'
import { canonicalJson } from '../json/canonicalJson.ts'
import type { JsonValue } from '../json/JsonValue.ts'
import { decodeDisclosure } from './decodeDisclosure.ts'
import { digestDisclosure } from './digestDisclosure.ts'
import { discloseFields } from './discloseFields.ts'
import { encryptDisclosures } from './encryptDisclosures.ts'
import { openEvent } from './openEvent.ts'
import { sealEvent } from './sealEvent.ts'
import { sampleEvents } from './testdata/sampleEvents.ts'
import { seededRandom } from './testdata/seededRandom.ts'
import { verifyDisclosure } from './verifyDisclosure.ts'

const encode = (salt: string, name: string, value: JsonValue) =>
  encodeBase64url(new TextEncoder().encode(JSON.stringify([salt, name, value])))
const salt16 = encodeBase64url(new Uint8Array(16).fill(7))

/** An entry committing to exactly these disclosures, as a dishonest or buggy sealer could write it. */
const craftEntry = (disclosures: string[]) =>
  new TextEncoder().encode(
    canonicalJson({
      'gen_ai.operation.name': 'chat',
      type: 'sextant.ai-event/v1',
      _sd_alg: 'sha-256',
      _sd: disclosures.map(digestDisclosure).sort(),
    }),
  )

describe('discloseFields / verifyDisclosure', () => {
  const sealed = sealEvent(sampleEvents.chat)

  it('reveals only the chosen fields, proven committed in the entry', () => {
    const pkg = discloseFields({ ...sealed, fields: ['gen_ai.output.messages'] })
    expect(pkg.entry).toBe(sealed.entry)
    expect(pkg.disclosures).toHaveLength(1)
    const { publicFields, revealed } = verifyDisclosure(pkg)
    expect(revealed).toEqual({
      'gen_ai.output.messages': sampleEvents.chat.private['gen_ai.output.messages'],
    })
    expect(publicFields['gen_ai.agent.id']).toBe('agent-7f3a')
    const packageText =
      new TextDecoder().decode(pkg.entry) + pkg.disclosures.map((d) => Buffer.from(d, 'base64url')).join('')
    expect(packageText).toContain('Done, Ada.')
    for (const hidden of ['Ada Lovelace', 'helpful support agent', 'low-risk', 'consent']) {
      expect(packageText).not.toContain(hidden)
    }
  })

  it('discloses several fields in the order asked, or none', () => {
    const fields = ['consent', 'gen_ai.input.messages']
    const pkg = discloseFields({ ...sealed, fields })
    expect(pkg.disclosures.map((d) => decodeDisclosure(d).name)).toEqual(fields)
    expect(Object.keys(verifyDisclosure(pkg).revealed)).toEqual(fields)
    expect(verifyDisclosure(discloseFields({ ...sealed, fields: [] })).revealed).toEqual({})
  })

  it('refuses fields the event does not have, or asked twice', () => {
    expect(() => discloseFields({ ...sealed, fields: ['gen_ai.tool.call.result'] })).toThrow(
      InvalidInputError,
    )
    expect(() => discloseFields({ ...sealed, fields: ['gen_ai.agent.id'] })).toThrow('no such private field')
    expect(() => discloseFields({ ...sealed, fields: ['consent', 'consent'] })).toThrow('field asked twice')
  })

  describe('rejects tampering', () => {
    const [original] = discloseFields({ ...sealed, fields: ['consent'] }).disclosures as [string]
    const { salt, name } = decodeDisclosure(original)
    const rejected = (disclosures: string[], message: string) => {
      expect(() => verifyDisclosure({ entry: sealed.entry, disclosures })).toThrow(DisclosureError)
      expect(() => verifyDisclosure({ entry: sealed.entry, disclosures })).toThrow(message)
    }

    it('an altered value', () => rejected([encode(salt, name, 'no')], 'disclosure not committed in entry'))

    it('an altered salt', () => {
      const flipped = Buffer.from(salt, 'base64url')
      flipped[0]! ^= 1
      rejected([encode(flipped.toString('base64url'), name, 'yes')], 'disclosure not committed in entry')
    })

    it('a renamed field', () => rejected([encode(salt, 'gen_ai.input.messages', 'yes')], 'not committed'))

    it('a re-encoded disclosure (same content, other spelling)', () => {
      rejected(
        [encodeBase64url(new TextEncoder().encode(`[ "${salt}", "${name}", "yes" ]`))],
        'not committed',
      )
    })

    it('a disclosure from another entry of the same event', () => {
      const other = sealEvent(sampleEvents.chat)
      const [foreign] = discloseFields({ ...other, fields: ['consent'] }).disclosures as [string]
      expect(decodeDisclosure(foreign).value).toBe('yes')
      rejected([foreign], 'disclosure not committed in entry')
    })

    it('a duplicate disclosure', () => rejected([original, original], 'duplicate disclosure'))

    it('a digest not in the entry', () =>
      rejected([encode(salt16, 'consent', 'yes'), original], 'not committed'))

    it('garbage', () => rejected(['not base64url!'], 'not committed'))
  })

  describe('rejects dishonest entries', () => {
    it('with a short salt', () => {
      const d = encode('c2hvcnQ', 'consent', 'yes')
      expect(() => verifyDisclosure({ entry: craftEntry([d]), disclosures: [d] })).toThrow(
        'malformed disclosure',
      )
    })

    it('with a disclosure that is not [salt, name, value]', () => {
      const d = encodeBase64url(
        new TextEncoder().encode(JSON.stringify({ salt: salt16, name: 'x', value: 1 })),
      )
      expect(() => verifyDisclosure({ entry: craftEntry([d]), disclosures: [d] })).toThrow(
        'not a [salt, name, value]',
      )
    })

    it('with a disclosure of a public field', () => {
      const d = encode(salt16, 'gen_ai.operation.name', 'payment')
      expect(() => verifyDisclosure({ entry: craftEntry([d]), disclosures: [d] })).toThrow(
        'reserved or public field',
      )
    })

    it('with the same field committed twice', () => {
      const a = encode(salt16, 'consent', 'yes')
      const b = encode(encodeBase64url(new Uint8Array(16).fill(8)), 'consent', 'no')
      expect(() => verifyDisclosure({ entry: craftEntry([a, b]), disclosures: [a, b] })).toThrow(
        'field disclosed twice',
      )
    })

    it('that are opaque', () => {
      const entry = new TextEncoder().encode('hello')
      expect(() => verifyDisclosure({ entry, disclosures: [] })).toThrow('entry is not a sealed AI event')
    })
  })
})

describe('openEvent rejects bad secrets', () => {
  const sealed = sealEvent(sampleEvents.tool, { random: seededRandom('open') })

  it('an altered ciphertext, key or nonce byte', () => {
    for (const index of [1, 40, 60, sealed.secret.length - 1]) {
      const secret = Uint8Array.from(sealed.secret)
      secret[index]! ^= 0x01
      expect(() => openEvent({ entry: sealed.entry, secret })).toThrow('secret does not open for this entry')
    }
  })

  it('an altered entry', () => {
    const entry = new TextEncoder().encode(
      new TextDecoder().decode(sealed.entry).replace('lookup_order', 'refund_order'),
    )
    expect(() => openEvent({ entry, secret: sealed.secret })).toThrow('secret does not open for this entry')
  })

  it('a truncated secret or unknown version', () => {
    expect(() => openEvent({ entry: sealed.entry, secret: sealed.secret.subarray(0, 72) })).toThrow(
      'too short',
    )
    const v2 = Uint8Array.from(sealed.secret)
    v2[0] = 2
    expect(() => openEvent({ entry: sealed.entry, secret: v2 })).toThrow('unsupported version 2')
  })

  it('a well-encrypted secret whose disclosures the entry does not commit to', () => {
    const random = seededRandom('forge')
    const forged = encryptDisclosures({
      entry: sealed.entry,
      disclosures: [encode(salt16, 'gen_ai.tool.call.arguments', { orderId: 'FORGED' })],
      key: random(32),
      nonce: random(24),
    })
    expect(() => openEvent({ entry: sealed.entry, secret: forged })).toThrow(
      'disclosure not committed in entry',
    )
  })
})
