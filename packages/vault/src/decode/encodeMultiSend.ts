import { type Address, encodeFunctionData, encodePacked, type Hex, size } from 'viem'
import { multiSendAbi } from './knownAbis.ts'

/** One call of a batch for {@link encodeMultiSend}. */
export type MultiSendCall = { to: Address; value: bigint; data: Hex; operation?: 0 | 1 }

/**
 * Encodes calls as a MultiSend `multiSend(bytes)` calldata (Safe's packed format).
 *
 * @example
 * const data = encodeMultiSend([{ to: usdc, value: 0n, data: transferData }])
 */
export function encodeMultiSend(calls: readonly MultiSendCall[]): Hex {
  const packed = calls.map((call) =>
    encodePacked(
      ['uint8', 'address', 'uint256', 'uint256', 'bytes'],
      [call.operation ?? 0, call.to, call.value, BigInt(size(call.data)), call.data],
    ),
  )
  const transactions = packed.length === 0 ? '0x' : (`0x${packed.map((p) => p.slice(2)).join('')}` as Hex)
  return encodeFunctionData({ abi: multiSendAbi, functionName: 'multiSend', args: [transactions] })
}
