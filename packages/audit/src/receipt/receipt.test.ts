import { beforeAll, describe, expect, it } from 'vitest'
import { cosignCheckpoint } from '../cosignature/cosignCheckpoint.ts'
import { generateWitnessKey } from '../cosignature/generateWitnessKey.ts'
import { parseCosignatureSignerKey } from '../cosignature/parseCosignatureSignerKey.ts'
import { torchwoodMldsaLog } from '../cosignature/testdata/torchwoodMldsaLog.ts'
import { InvalidInputError, NoteError, ProofError } from '../errors/AuditError.ts'
import { generateSignerKey } from '../note/generateSignerKey.ts'
import { createTestLog, type TestLog } from '../testing/createTestLog.test-utils.ts'
import { hashLeaf } from '../tree/hashLeaf.ts'
import { formatReceipt } from './formatReceipt.ts'
import { parseReceipt } from './parseReceipt.ts'
import { verifyReceipt } from './verifyReceipt.ts'

const origin = 'example.com/audit'
const size = 13
let log: TestLog
let note: string
const witnesses = [
  generateWitnessKey({ name: 'w1.example', algorithm: 'ed25519' }),
  generateWitnessKey({ name: 'w2.example', algorithm: 'ml-dsa-44' }),
]

async function receiptFor(index: number): Promise<string> {
  return formatReceipt({ index, proof: await log.inclusionProof(index, size), checkpointNote: note })
}

beforeAll(async () => {
  log = await createTestLog({ origin, size })
  note = witnesses.reduce(
    (acc, w) =>
      cosignCheckpoint({ note: acc, cosigner: parseCosignatureSignerKey(w.signerKey), timestamp: 1700000000 })
        .note,
    await log.checkpointNote(size),
  )
})

describe('formatReceipt / parseReceipt', () => {
  it('formats the c2sp.org/tlog-proof layout and parses it back', async () => {
    const proof = await log.inclusionProof(5, size)
    const extra = new TextEncoder().encode('age-v1.2.1-darwin-arm64.tar.gz')
    const text = formatReceipt({ extra, index: 5, proof, checkpointNote: note })
    const lines = text.split('\n')
    expect(lines.slice(0, 3)).toEqual([
      'c2sp.org/tlog-proof@v1',
      `extra ${Buffer.from(extra).toString('base64')}`,
      'index 5',
    ])
    expect(text).toBe(
      `c2sp.org/tlog-proof@v1\nextra ${Buffer.from(extra).toString('base64')}\nindex 5\n${proof.map((h) => `${Buffer.from(h).toString('base64')}\n`).join('')}\n${note}`,
    )
    expect(parseReceipt(text)).toEqual({ extra, index: 5, proof, checkpointNote: note })
    expect(parseReceipt(new TextEncoder().encode(text))).toEqual({
      extra,
      index: 5,
      proof,
      checkpointNote: note,
    })
  })

  it('omits the extra line when there is no extra data, and allows an empty proof', () => {
    const text = formatReceipt({ index: 0, proof: [], checkpointNote: note })
    expect(text.startsWith('c2sp.org/tlog-proof@v1\nindex 0\n\n')).toBe(true)
    expect(parseReceipt(text)).toEqual({ index: 0, proof: [], checkpointNote: note })
  })

  it.each([
    ['another header', (t: string) => t.replace('c2sp.org/tlog-proof@v1', 'c2sp.org/tlog-proof@v2')],
    ['a missing index line', (t: string) => t.replace(/index 5\n/, '')],
    ['an index with a leading zero', (t: string) => t.replace('index 5', 'index 05')],
    ['a negative index', (t: string) => t.replace('index 5', 'index -5')],
    ['extra after the index', (t: string) => t.replace('index 5\n', 'index 5\nextra AAAA\n')],
    ['an empty extra', (t: string) => t.replace('index 5\n', 'extra \nindex 5\n')],
    ['a proof hash that is not base64', (t: string) => t.replace('index 5\n', 'index 5\n!!!!\n')],
    [
      'a 31-byte proof hash',
      (t: string) => t.replace('index 5\n', `index 5\n${Buffer.alloc(31).toString('base64')}\n`),
    ],
    ['a carriage return', (t: string) => t.replace('index 5\n', 'index 5\r\n')],
    ['no blank line', (t: string) => t.replace('\n\n', '\n')],
    ['a checkpoint that is not a signed note', (t: string) => `${t.slice(0, t.indexOf('\n\n') + 2)}hello\n`],
    [
      '64 proof hashes',
      (t: string) =>
        t.replace('index 5\n', `index 5\n${`${Buffer.alloc(32).toString('base64')}\n`.repeat(64)}`),
    ],
  ])('rejects %s', async (_, mutate) => {
    const text = mutate(await receiptFor(5))
    expect(() => parseReceipt(text)).toThrow(ProofError)
  })

  it('refuses to format invalid receipts', () => {
    expect(() => formatReceipt({ index: -1, proof: [], checkpointNote: note })).toThrow(InvalidInputError)
    expect(() => formatReceipt({ index: 0, proof: [new Uint8Array(31)], checkpointNote: note })).toThrow(
      InvalidInputError,
    )
    expect(() => formatReceipt({ index: 0, proof: [], checkpointNote: 'hello\n' })).toThrow(InvalidInputError)
  })
})

describe('verifyReceipt', () => {
  it('verifies every entry offline with only the log public key', async () => {
    for (let index = 0; index < size; index++) {
      const result = verifyReceipt({
        receipt: await receiptFor(index),
        entry: log.entries[index]!,
        logVerifierKey: log.verifierKey,
      })
      expect(result.index).toBe(index)
      expect(result.checkpoint.size).toBe(size)
      expect(result.leafHash).toEqual(hashLeaf(log.entries[index]!))
    }
  })

  it('verifies by leaf hash, from a parsed receipt, and under a witness policy', async () => {
    const receipt = parseReceipt(await receiptFor(7))
    const result = verifyReceipt({
      receipt,
      leafHash: hashLeaf(log.entries[7]!),
      logVerifierKey: log.verifierKey,
      witnesses: { verifierKeys: witnesses.map((w) => w.verifierKey), quorum: 2 },
    })
    expect(result.cosignatures.map((c) => [c.name, c.algorithm, c.timestamp])).toEqual([
      ['w1.example', 'ed25519', 1700000000],
      ['w2.example', 'ml-dsa-44', 1700000000],
    ])
  })

  it('verifies a receipt for the checkpoint of the ML-DSA-44 log of filippo.io/torchwood', () => {
    const receipt = formatReceipt({ index: 0, proof: [], checkpointNote: torchwoodMldsaLog.note })
    const result = verifyReceipt({
      receipt,
      entry: new TextEncoder().encode('testonly'),
      logVerifierKey: torchwoodMldsaLog.verifierKey,
    })
    expect(result.checkpoint.origin).toBe('example.com/mldsa-log')
    expect(() =>
      verifyReceipt({
        receipt,
        entry: new TextEncoder().encode('testonlY'),
        logVerifierKey: torchwoodMldsaLog.verifierKey,
      }),
    ).toThrow(ProofError)
  })

  it('returns the extra data, which is not authenticated', async () => {
    const proof = await log.inclusionProof(2, size)
    for (const extra of [new Uint8Array([1]), new Uint8Array([2])]) {
      const receipt = formatReceipt({ extra, index: 2, proof, checkpointNote: note })
      expect(
        verifyReceipt({ receipt, entry: log.entries[2]!, logVerifierKey: log.verifierKey }).extra,
      ).toEqual(extra)
    }
  })

  const alterations: [string, (text: string) => string, typeof ProofError | typeof NoteError][] = [
    ['the index', (t) => t.replace('index 6', 'index 7'), ProofError],
    ['the index beyond the tree size', (t) => t.replace('index 6', 'index 13'), ProofError],
    ['a proof hash', (t) => flipLine(t, 3), ProofError],
    ['the last proof hash', (t) => flipLine(t, 2 + 3), ProofError],
    ['the proof length (one hash dropped)', (t) => dropLine(t, 3), ProofError],
    [
      'the proof length (one hash added)',
      (t) => t.replace('index 6\n', `index 6\n${Buffer.alloc(32).toString('base64')}\n`),
      ProofError,
    ],
    ['the checkpoint size', (t) => t.replace(`${origin}\n${size}\n`, `${origin}\n${size + 1}\n`), NoteError],
    [
      'the checkpoint root',
      (t) => t.replace(/(\n\d+\n)([A-Za-z0-9])/, (_, a, c) => a + (c === 'A' ? 'B' : 'A')),
      NoteError,
    ],
    ['the checkpoint origin', (t) => t.replace(`\n${origin}\n`, '\nexample.com/other\n'), NoteError],
    ['the log signature', (t) => flipSignature(t, origin), NoteError],
    ['a witness cosignature', (t) => flipSignature(t, 'w2.example'), NoteError],
  ]

  it.each(alterations)('rejects a receipt with %s altered', async (_, alter, errorClass) => {
    const receipt = alter(await receiptFor(6))
    const witnessPolicy = { verifierKeys: witnesses.map((w) => w.verifierKey), quorum: 1 }
    expect(() =>
      verifyReceipt({
        receipt,
        entry: log.entries[6]!,
        logVerifierKey: log.verifierKey,
        witnesses: witnessPolicy,
      }),
    ).toThrow(errorClass)
  })

  it('rejects another entry, another log key, and a quorum the checkpoint does not meet', async () => {
    const receipt = await receiptFor(6)
    expect(() => verifyReceipt({ receipt, entry: log.entries[5]!, logVerifierKey: log.verifierKey })).toThrow(
      ProofError,
    )
    const impostor = generateSignerKey({ name: origin }).verifierKey
    expect(() => verifyReceipt({ receipt, entry: log.entries[6]!, logVerifierKey: impostor })).toThrow(
      NoteError,
    )
    const w3 = generateWitnessKey({ name: 'w3.example', algorithm: 'ed25519' }).verifierKey
    expect(() =>
      verifyReceipt({
        receipt,
        entry: log.entries[6]!,
        logVerifierKey: log.verifierKey,
        witnesses: { verifierKeys: [witnesses[0]!.verifierKey, w3], quorum: 2 },
      }),
    ).toThrow('cosignature quorum not met')
  })

  it('checks the origin', async () => {
    const receipt = await receiptFor(1)
    expect(() =>
      verifyReceipt({
        receipt,
        entry: log.entries[1]!,
        logVerifierKey: log.verifierKey,
        origin: 'example.com/x',
      }),
    ).toThrow('checkpoint origin mismatch')
  })
})

function flipLine(text: string, lineIndex: number): string {
  const lines = text.split('\n')
  if (lines[lineIndex]!.length !== 44) throw new Error(`line ${lineIndex} is not a hash`)
  const bytes = Buffer.from(lines[lineIndex]!, 'base64')
  bytes[0]! ^= 1
  lines[lineIndex] = bytes.toString('base64')
  return lines.join('\n')
}

function dropLine(text: string, lineIndex: number): string {
  const lines = text.split('\n')
  lines.splice(lineIndex, 1)
  return lines.join('\n')
}

function flipSignature(text: string, name: string): string {
  const line = text.split('\n').find((l) => l.startsWith(`— ${name} `))!
  const bytes = Buffer.from(line.slice(`— ${name} `.length), 'base64')
  bytes[bytes.length - 1]! ^= 1
  return text.replace(line, `— ${name} ${bytes.toString('base64')}`)
}
