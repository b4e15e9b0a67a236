import { describe, expect, it } from 'vitest'
import { InvalidInputError, NoteError } from '../errors/AuditError.ts'
import { generateSignerKey } from '../note/generateSignerKey.ts'
import { parseSignerKey } from '../note/parseSignerKey.ts'
import { parseVerifierKey } from '../note/parseVerifierKey.ts'
import { signNote } from '../note/signNote.ts'
import { emptyRoot } from '../tree/emptyRoot.ts'
import { formatCheckpoint } from './formatCheckpoint.ts'
import { openCheckpoint } from './openCheckpoint.ts'
import { parseCheckpoint } from './parseCheckpoint.ts'
import { signCheckpoint } from './signCheckpoint.ts'

// The example of c2sp.org/tlog-checkpoint.
const specText = 'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n'

// A tree head signed by sum.golang.org (its note predates tlog-checkpoint but has the same shape), with the
// Go checksum database's public key as shipped in the go command.
const sumdbVerifierKey = 'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8'
const sumdbNote =
  'go.sum database tree\n49189689\nftjbAOzaupaIvaPo/G+Dk63nxOZ2s1OPOKIaPtXs7S4=\n\n' +
  '— sum.golang.org Az3grlKZssqRoMNPpZfKt0TphbbcF+pzXqElURJKRNFKfaUAgqeI5k2AORH0QAhg/ebRwyIqD/OqP4oLtLnNumvOBAM=\n'

const rootHash = Uint8Array.from({ length: 32 }, (_, i) => i)

describe('parseCheckpoint / formatCheckpoint', () => {
  it('parses the spec example and formats it back byte for byte', () => {
    const checkpoint = parseCheckpoint(specText)
    expect(checkpoint.origin).toBe('example.com/behind-the-sofa')
    expect(checkpoint.size).toBe(20852163)
    expect(Buffer.from(checkpoint.rootHash).toString('base64')).toBe(
      'CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=',
    )
    expect(checkpoint.extensions).toEqual([])
    expect(formatCheckpoint(checkpoint)).toBe(specText)
  })

  it('round-trips extension lines and the empty tree', () => {
    const withExtensions = {
      origin: 'example.com/log',
      size: 5,
      rootHash,
      extensions: ['ext one', 'ext — two'],
    }
    expect(parseCheckpoint(formatCheckpoint(withExtensions))).toEqual(withExtensions)
    const empty = formatCheckpoint({ origin: 'example.com/log', size: 0, rootHash: emptyRoot() })
    expect(empty).toBe('example.com/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n')
  })

  it.each([
    ['no final newline', specText.slice(0, -1)],
    ['two lines', 'example.com/log\n5\n'],
    ['an empty origin', `\n5\n${Buffer.from(rootHash).toString('base64')}\n`],
    ['an origin over 255 bytes', `${'é'.repeat(128)}\n5\n${Buffer.from(rootHash).toString('base64')}\n`],
    ['a size with a leading zero', specText.replace('20852163', '020852163')],
    ['a negative size', specText.replace('20852163', '-1')],
    ['a size with a plus sign', specText.replace('20852163', '+1')],
    ['a size beyond 2^53', specText.replace('20852163', '9007199254740993')],
    ['a hex size', specText.replace('20852163', '0x10')],
    ['a 31-byte root', `example.com/log\n5\n${Buffer.from(rootHash.subarray(1)).toString('base64')}\n`],
    ['an unpadded root', specText.replace('I=\n', 'I\n')],
    ['a URL-safe root', specText.replace('m/Xa', 'm_Xa')],
    ['non-canonical root padding bits', specText.replace('q2I=', 'q2J=')],
    ['an empty extension line', `${specText}\n`],
    ['an empty extension line between others', `${specText}a\n\nb\n`],
    ['a carriage return', specText.replace('\n', '\r\n')],
  ])('rejects %s', (_, text) => {
    expect(() => parseCheckpoint(text)).toThrow(NoteError)
  })

  it.each([
    ['an empty origin', { origin: '', size: 1, rootHash }],
    ['a newline in the origin', { origin: 'a\nb', size: 1, rootHash }],
    ['a fractional size', { origin: 'a', size: 1.5, rootHash }],
    ['a negative size', { origin: 'a', size: -1, rootHash }],
    ['an unsafe size', { origin: 'a', size: 2 ** 53, rootHash }],
    ['a short root', { origin: 'a', size: 1, rootHash: rootHash.subarray(1) }],
    ['an empty extension', { origin: 'a', size: 1, rootHash, extensions: [''] }],
    ['a multi-line extension', { origin: 'a', size: 1, rootHash, extensions: ['a\nb'] }],
  ])('refuses to format %s', (_, checkpoint) => {
    expect(() => formatCheckpoint(checkpoint)).toThrow(InvalidInputError)
  })
})

describe('signCheckpoint / openCheckpoint', () => {
  it('opens a real sum.golang.org signed tree head with the Go checksum database key', () => {
    const { checkpoint } = openCheckpoint({
      note: sumdbNote,
      verifiers: [parseVerifierKey(sumdbVerifierKey)],
      origin: 'go.sum database tree',
    })
    expect(checkpoint.size).toBe(49189689)
  })

  it('rejects the sum.golang.org tree head with its size or root altered', () => {
    const verifiers = [parseVerifierKey(sumdbVerifierKey)]
    expect(() => openCheckpoint({ note: sumdbNote.replace('49189689', '49189690'), verifiers })).toThrow(
      NoteError,
    )
    expect(() => openCheckpoint({ note: sumdbNote.replace('ftjb', 'ftjc'), verifiers })).toThrow(NoteError)
  })

  it('round-trips and checks the origin', () => {
    const { signerKey, verifierKey } = generateSignerKey({ name: 'example.com/log' })
    const note = signCheckpoint({
      checkpoint: { origin: 'example.com/log', size: 3, rootHash },
      signers: [parseSignerKey(signerKey)],
    })
    const verifiers = [parseVerifierKey(verifierKey)]
    const opened = openCheckpoint({ note, verifiers, origin: 'example.com/log' })
    expect(opened.checkpoint).toEqual({ origin: 'example.com/log', size: 3, rootHash, extensions: [] })
    expect(() => openCheckpoint({ note, verifiers, origin: 'example.com/other' })).toThrow(
      'checkpoint origin mismatch',
    )
  })

  it('rejects a validly signed note whose text is not a checkpoint', () => {
    const { signerKey, verifierKey } = generateSignerKey({ name: 'example.com/log' })
    const note = signNote({ text: 'hello\n', signers: [parseSignerKey(signerKey)] })
    expect(() => openCheckpoint({ note, verifiers: [parseVerifierKey(verifierKey)] })).toThrow(
      'malformed checkpoint',
    )
  })
})
