import { base58 } from '@scure/base'
import { DecodeError } from '../errors/ForensicsError.ts'
import type { ByteReader } from './ByteReader.ts'
import type { CompiledInstruction, WireTransaction } from './decodeWireTransaction.ts'

function popcount(mask: number): number {
  let count = 0
  for (let m = mask; m !== 0; m >>>= 1) count += m & 1
  return count
}

/**
 * Decodes a version-1 transaction (SIMD-0385; first byte `0x81`): the message comes first (header, config
 * mask, lifetime, u8 counts, addresses, 4-byte config values, fixed-size instruction headers, then the
 * instructions' accounts and data) and the signatures last. No lookup tables in this format.
 *
 * @example
 * const wire = decodeWireTransactionV1(new ByteReader(bytes, 'wire transaction'))
 */
export function decodeWireTransactionV1(r: ByteReader): WireTransaction {
  r.u8() // 0x81: versioned, version 1
  const signatureCount = r.u8()
  r.take(2) // readonly signed, readonly unsigned
  const configMask = r.u32()
  r.take(32) // lifetime (recent blockhash)
  const instructionCount = r.u8()
  const staticKeys = Array.from({ length: r.u8() }, () => r.pubkey())
  r.take(4 * popcount(configMask))
  const headers = Array.from({ length: instructionCount }, () => ({
    programIdIndex: r.u8(),
    accountCount: r.u8(),
    dataLength: r.u16(),
  }))
  const instructions: CompiledInstruction[] = headers.map((h) => ({
    programIdIndex: h.programIdIndex,
    accounts: Array.from(r.take(h.accountCount)),
    data: r.take(h.dataLength).slice(),
  }))
  const signatures = Array.from({ length: signatureCount }, () => base58.encode(r.take(64)))
  if (r.remaining !== 0) {
    throw new DecodeError('wire transaction has trailing bytes', { details: `${r.remaining} bytes` })
  }
  return { signatures, version: 1, staticKeys, instructions, lookupCount: 0 }
}
