import { base58 } from '@scure/base'

/**
 * Minimal Borsh encoder for tests: builds event and instruction bytes field by field.
 *
 * @example
 * const bytes = new BorshWriter().bytes(discriminator).pubkey(mint).u64(5n).i64(1700000000n).done()
 */
export class BorshWriter {
  private readonly parts: number[] = []

  bytes(bytes: ArrayLike<number>): this {
    for (let i = 0; i < bytes.length; i++) this.parts.push(bytes[i]!)
    return this
  }

  u8(value: number): this {
    return this.bytes([value])
  }

  bool(value: boolean): this {
    return this.u8(value ? 1 : 0)
  }

  u32(value: number): this {
    const b = new Uint8Array(4)
    new DataView(b.buffer).setUint32(0, value, true)
    return this.bytes(b)
  }

  u64(value: bigint): this {
    const b = new Uint8Array(8)
    new DataView(b.buffer).setBigUint64(0, value, true)
    return this.bytes(b)
  }

  i64(value: bigint): this {
    const b = new Uint8Array(8)
    new DataView(b.buffer).setBigInt64(0, value, true)
    return this.bytes(b)
  }

  pubkey(address: string): this {
    return this.bytes(base58.decode(address))
  }

  string(value: string): this {
    const b = new TextEncoder().encode(value)
    return this.u32(b.length).bytes(b)
  }

  done(): Uint8Array {
    return Uint8Array.from(this.parts)
  }
}
