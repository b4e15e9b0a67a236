import { type Address, getAddress, type Hex, hexToBigInt, isAddressEqual, size, slice } from 'viem'
import { moduleConstants as K } from '../policy/moduleConstants.ts'
import { fail, type Leaf } from './Leaf.ts'

/** Parameters of {@link unwrapCalls}. */
export type UnwrapCallsParameters = {
  safe: Address
  module: Address
  to: Address
  value: bigint
  data: Hex
  /** Called on each leaf as it is reached, before the next one (the module checks leaves while unwrapping). */
  onLeaf?: (leaf: Leaf) => void
  /** Collects the leaves (kept even when unwrapping fails part way). */
  leaves?: Leaf[]
}

/**
 * Step 5 of POLICY.md (as `GuardPolicy._unwrap` does it): unwraps `(to, value, data)` into leaf calls, depth first, exactly as the module does —
 * `multiSend(bytes)` on any target is a batch; the batch may not target the Safe or the module nor carry
 * value; depth ≤ 4, ≤ 16 leaves, CALL only. Throws the module's error (as a `PolicyRevert`) on failure.
 *
 * @example
 * unwrapCalls({ safe, module, to: multiSendAddress, value: 0n, data: encodeMultiSend(calls) }) // Leaf[]
 */
export function unwrapCalls(parameters: UnwrapCallsParameters): Leaf[] {
  const leaves: Leaf[] = parameters.leaves ?? []
  visit(parameters, parameters.to, parameters.value, parameters.data, 0, leaves)
  return leaves
}

function visit(
  p: UnwrapCallsParameters,
  to: Address,
  value: bigint,
  data: Hex,
  depth: number,
  leaves: Leaf[],
): void {
  const length = size(data)
  if (length >= 4 && slice(data, 0, 4) === K.multiSend) {
    if (isAddressEqual(to, p.safe) || isAddressEqual(to, p.module)) fail('SelfCallDenied', to)
    if (value !== 0n) fail('MalformedBatch')
    if (depth + 1 > K.maxBatchDepth) fail('BatchTooDeep')
    if (length < 68 || hexToBigInt(slice(data, 4, 36)) !== 32n) fail('MalformedBatch')
    const packedLength = hexToBigInt(slice(data, 36, 68))
    if (68n + packedLength > BigInt(length)) fail('MalformedBatch')
    const end = 68 + Number(packedLength)
    let offset = 68
    while (offset < end) {
      if (offset + 85 > end) fail('MalformedBatch')
      const operation = Number.parseInt(slice(data, offset, offset + 1).slice(2), 16)
      const innerTo = getAddress(slice(data, offset + 1, offset + 21))
      const innerValue = hexToBigInt(slice(data, offset + 21, offset + 53))
      const innerLength = hexToBigInt(slice(data, offset + 53, offset + 85))
      if (BigInt(offset + 85) + innerLength > BigInt(end)) fail('MalformedBatch')
      if (operation !== 0) fail('DelegateCallDenied', innerTo)
      const innerEnd = offset + 85 + Number(innerLength)
      const innerData: Hex = innerLength === 0n ? '0x' : slice(data, offset + 85, innerEnd)
      visit(p, innerTo, innerValue, innerData, depth + 1, leaves)
      offset = innerEnd
    }
    return
  }
  if (leaves.length >= K.maxCalls) fail('TooManyCalls')
  const leaf = { to: getAddress(to), value, data }
  p.onLeaf?.(leaf)
  leaves.push(leaf)
}
