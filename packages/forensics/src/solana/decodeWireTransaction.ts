import { base58 } from '@scure/base'
import { DecodeError } from '../errors/ForensicsError.ts'
import { ByteReader } from './ByteReader.ts'
import { decodeWireTransactionV1 } from './decodeWireTransactionV1.ts'

/**
 * An instruction as compiled into a message: indexes into the account keys.
 *
 * @example
 * const ix: CompiledInstruction = { programIdIndex: 3, accounts: [0, 1], data: new Uint8Array(8) }
 */
export type CompiledInstruction = { programIdIndex: number; accounts: number[]; data: Uint8Array }

/**
 * Result of {@link decodeWireTransaction}.
 *
 * @example
 * const { signatures, version }: WireTransaction = decodeWireTransaction(bytes)
 */
export type WireTransaction = {
  signatures: string[]
  version: 'legacy' | 0 | 1
  staticKeys: string[]
  instructions: CompiledInstruction[]
  /** Number of address-table lookups (v0); their addresses come from `meta.loadedAddresses`. */
  lookupCount: number
}

function readIndexes(r: ByteReader): number[] {
  return Array.from(r.take(r.shortVec()))
}

function readInstruction(r: ByteReader): CompiledInstruction {
  const programIdIndex = r.u8()
  const accounts = readIndexes(r)
  return { programIdIndex, accounts, data: r.take(r.shortVec()).slice() }
}

function readLookups(r: ByteReader): number {
  const count = r.shortVec()
  for (let i = 0; i < count; i++) {
    r.take(32)
    readIndexes(r)
    readIndexes(r)
  }
  return count
}

const V1_PREFIX = 0x81

/**
 * Decodes a serialized Solana transaction: signatures + legacy or v0 message, or a version-1 transaction
 * (message first, signatures last). Truncated bytes, trailing bytes and other versions throw a
 * {@link DecodeError}.
 *
 * @example
 * const wire = decodeWireTransaction(decodeBase64(result.transaction[0], 'transaction'))
 * wire.signatures[0] // the transaction id
 */
export function decodeWireTransaction(bytes: Uint8Array): WireTransaction {
  const r = new ByteReader(bytes, 'wire transaction')
  // 0x81 cannot start a legacy/v0 transaction: that would be 129+ signatures, more than fit in a packet
  if (bytes[0] === V1_PREFIX) return decodeWireTransactionV1(r)
  const signatures = Array.from({ length: r.shortVec() }, () => base58.encode(r.take(64)))
  const prefix = r.bytes[r.offset]
  const versioned = prefix !== undefined && (prefix & 0x80) !== 0
  if (versioned) {
    const v = r.u8() & 0x7f
    if (v !== 0) throw new DecodeError('unsupported transaction message version', { details: `version ${v}` })
  }
  r.take(3) // header: required signatures, readonly signed, readonly unsigned
  const staticKeys = Array.from({ length: r.shortVec() }, () => r.pubkey())
  r.take(32) // recent blockhash
  const instructions = Array.from({ length: r.shortVec() }, () => readInstruction(r))
  const lookupCount = versioned ? readLookups(r) : 0
  if (r.remaining !== 0) {
    throw new DecodeError('wire transaction has trailing bytes', { details: `${r.remaining} bytes` })
  }
  return { signatures, version: versioned ? 0 : 'legacy', staticKeys, instructions, lookupCount }
}
