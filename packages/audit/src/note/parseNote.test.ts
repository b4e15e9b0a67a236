import { describe, expect, it } from 'vitest'
import { NoteError } from '../errors/AuditError.ts'
import { formatSignatureLine } from './formatSignatureLine.ts'
import { parseNote } from './parseNote.ts'
import { parseSignatureLine } from './parseSignatureLine.ts'

const line = formatSignatureLine({
  name: 'example.com/log',
  keyId: 0x01020304,
  signature: new Uint8Array([9, 9]),
})

describe('parseNote', () => {
  it('splits text and signatures at the last blank line', () => {
    const { text, signatures } = parseNote(`a\n\nb\n\n${line}${line}`)
    expect(text).toBe('a\n\nb\n')
    expect(signatures).toHaveLength(2)
    expect(signatures[0]).toEqual({
      name: 'example.com/log',
      keyId: 0x01020304,
      signature: new Uint8Array([9, 9]),
    })
  })

  it.each([
    ['no blank line', `text\n${line}`],
    ['no signatures', 'text\n\n'],
    ['text not ending in a newline before the signatures', `text${line}`],
    ['signature block not ending in a newline', `text\n\n${line.slice(0, -1)}`],
    ['a signature line without the em dash', `text\n\n${line.slice(2)}`],
    ['a hyphen instead of the em dash', `text\n\n- ${line.slice(2)}`],
    ['an empty key name', 'text\n\n—  AQIDBAUG\n'],
    ['a key name with a plus', 'text\n\n— a+b AQIDBAUG\n'],
    ['no base64', 'text\n\n— example.com/log\n'],
    ['bad base64', 'text\n\n— example.com/log AQID*AUG\n'],
    ['unpadded base64', 'text\n\n— example.com/log AQIDBAU\n'],
    ['non-canonical base64 padding bits', 'text\n\n— example.com/log AQIDBAV=\n'],
    ['a signature shorter than 5 bytes', 'text\n\n— example.com/log AQIDBA==\n'],
    ['a tab', `te\txt\n\n${line}`],
    ['a carriage return', `text\r\n\n${line}`],
    ['a NUL', `te\u0000xt\n\n${line}`],
    ['a lone surrogate', `te\ud800xt\n\n${line}`],
    ['101 signatures', `text\n\n${line.repeat(101)}`],
  ])('rejects %s', (_, note) => {
    expect(() => parseNote(note)).toThrow(NoteError)
  })

  it('accepts 100 signatures', () => {
    expect(parseNote(`text\n\n${line.repeat(100)}`).signatures).toHaveLength(100)
  })

  it('rejects invalid UTF-8 bytes', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('te'),
      0xff,
      ...new TextEncoder().encode(`xt\n\n${line}`),
    ])
    expect(() => parseNote(bytes)).toThrow('malformed note')
  })

  it('rejects notes over the size limit', () => {
    expect(() => parseNote(`${'a'.repeat(1_000_001)}\n\n${line}`)).toThrow(NoteError)
  })

  it('keeps a byte-order mark and other non-ASCII text as is', () => {
    const text = '\ufeffcafé — ok\n'
    expect(parseNote(new TextEncoder().encode(`${text}\n${line}`)).text).toBe(text)
  })
})

describe('parseSignatureLine', () => {
  it('parses a line with or without its newline', () => {
    const parsed = { name: 'example.com/log', keyId: 0x01020304, signature: new Uint8Array([9, 9]) }
    expect(parseSignatureLine(line)).toEqual(parsed)
    expect(parseSignatureLine(line.slice(0, -1))).toEqual(parsed)
  })

  it.each([
    '',
    '— ',
    `— example.com/log`,
    '— example.com/log AQID',
    `${line}${line}`,
    line.replace('—', '-'),
  ])('rejects %j', (text) => {
    expect(() => parseSignatureLine(text)).toThrow('malformed signature line')
  })
})
