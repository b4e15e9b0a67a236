import { type Address, getAddress, type Hex, hexToBigInt, hexToNumber, size, slice } from 'viem'

/** One record of a MultiSend batch. */
export type MultiSendRecord = { operation: number; to: Address; value: bigint; data: Hex }

/**
 * Splits MultiSend's packed `transactions` bytes into records; returns an error string when malformed
 * (truncated record, data running past the end), so a broken batch is never half-read.
 *
 * @example
 * splitMultiSend(encodeMultiSend([{ to, value: 0n, data: '0x' }])) // { records: [...] }
 */
export function splitMultiSend(packed: Hex): { records: MultiSendRecord[] } | { error: string } {
  const records: MultiSendRecord[] = []
  const total = size(packed)
  let offset = 0
  while (offset < total) {
    if (offset + 85 > total) return { error: `truncated record header at byte ${offset}` }
    const operation = hexToNumber(slice(packed, offset, offset + 1))
    const to = getAddress(slice(packed, offset + 1, offset + 21))
    const value = hexToBigInt(slice(packed, offset + 21, offset + 53))
    const length = hexToBigInt(slice(packed, offset + 53, offset + 85))
    if (length > BigInt(total - offset - 85))
      return { error: `record data runs past the end at byte ${offset}` }
    const end = offset + 85 + Number(length)
    const data = length === 0n ? '0x' : slice(packed, offset + 85, end)
    records.push({ operation, to, value, data })
    offset = end
  }
  return { records }
}
