import { base58 } from '@scure/base'
import { DecodeError } from '../errors/ForensicsError.ts'

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Little-endian cursor over bytes for Borsh values and Solana's wire format (compact-u16 "shortvec").
 * Every read checks bounds and throws a {@link DecodeError} naming `what` and the offset.
 *
 * @example
 * const r = new ByteReader(bytes, 'TradeEvent')
 * const mint = r.pubkey()
 * const solAmount = r.u64()
 */
export class ByteReader {
  offset = 0
  readonly bytes: Uint8Array
  readonly what: string

  constructor(bytes: Uint8Array, what: string) {
    this.bytes = bytes
    this.what = what
  }

  /** Bytes not read yet. */
  get remaining(): number {
    return this.bytes.length - this.offset
  }

  /** The next `length` bytes (a view, not a copy). */
  take(length: number): Uint8Array {
    if (length > this.remaining) {
      throw new DecodeError(`${this.what} is truncated`, {
        details: `needs ${length} bytes at offset ${this.offset}, ${this.remaining} left`,
      })
    }
    const out = this.bytes.subarray(this.offset, this.offset + length)
    this.offset += length
    return out
  }

  u8(): number {
    return this.take(1)[0]!
  }

  u16(): number {
    const b = this.take(2)
    return b[0]! | (b[1]! << 8)
  }

  u32(): number {
    const b = this.take(4)
    return new DataView(b.buffer, b.byteOffset, 4).getUint32(0, true)
  }

  u64(): bigint {
    const b = this.take(8)
    return new DataView(b.buffer, b.byteOffset, 8).getBigUint64(0, true)
  }

  i64(): bigint {
    const b = this.take(8)
    return new DataView(b.buffer, b.byteOffset, 8).getBigInt64(0, true)
  }

  /** A Borsh bool: exactly 0 or 1. */
  bool(): boolean {
    const at = this.offset
    const v = this.u8()
    if (v > 1) throw new DecodeError(`${this.what} has an invalid bool`, { details: `byte ${v} at ${at}` })
    return v === 1
  }

  /** A 32-byte public key as base58. */
  pubkey(): string {
    return base58.encode(this.take(32))
  }

  /** A Borsh string: u32 length, then UTF-8 bytes. */
  string(): string {
    const at = this.offset
    const bytes = this.take(this.u32())
    try {
      return utf8.decode(bytes)
    } catch (cause) {
      throw new DecodeError(`${this.what} has a string that is not UTF-8`, { details: `at ${at}`, cause })
    }
  }

  /** Solana's compact-u16 length prefix (1 to 3 bytes). */
  shortVec(): number {
    let value = 0
    for (let i = 0; i < 3; i++) {
      const byte = this.u8()
      value |= (byte & 0x7f) << (7 * i)
      if ((byte & 0x80) === 0) return value
    }
    throw new DecodeError(`${this.what} has a compact-u16 longer than 3 bytes`, {
      details: `at ${this.offset}`,
    })
  }
}
