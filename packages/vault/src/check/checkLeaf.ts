import { type Address, getAddress, type Hex, hexToBigInt, isAddressEqual, size, slice, toHex } from 'viem'
import { moduleConstants as K } from '../policy/moduleConstants.ts'
import { NATIVE_TOKEN } from '../policy/TokenInfo.ts'
import { fail, type Leaf } from './Leaf.ts'
import { type ModuleSnapshot, targetKey } from './ModuleSnapshot.ts'

const MAX_UINT256 = 2n ** 256n - 1n
const spending: readonly Hex[] = [K.transfer, K.transferFrom, K.approve, K.increaseAllowance, K.permit]

/** Per-token reservations in order of first appearance (lowercase token → amount). */
export type Reservations = Map<string, bigint>

/**
 * Checks one leaf call as the module does (POLICY.md "Leaf calls", default deny) and adds what it spends
 * to `reservations`. Throws the module's error (a `PolicyRevert`) on the first failure.
 *
 * @example
 * const reservations = new Map()
 * for (const leaf of leaves) checkLeaf(snapshot, leaf, reservations)
 */
export function checkLeaf(s: ModuleSnapshot, leaf: Leaf, reservations: Reservations): void {
  const { to, value, data } = leaf
  const hasRule = (token: Address) => s.rules[token.toLowerCase()] !== undefined
  const isRecipient = (account: Address) => s.recipients[account.toLowerCase()] === true
  // GuardPolicy._reserve: a token's first reservation needs a rule; sums saturate at 2^256 - 1.
  const reserve = (token: Address, amount: bigint) => {
    const key = token.toLowerCase()
    const current = reservations.get(key)
    if (current === undefined && !hasRule(token)) fail('TokenNotAllowed', token)
    const sum = (current ?? 0n) + amount
    reservations.set(key, sum > MAX_UINT256 ? MAX_UINT256 : sum)
  }
  if (isAddressEqual(to, s.safe) || isAddressEqual(to, s.module)) fail('SelfCallDenied', to)
  if (value > 0n) {
    reserve(NATIVE_TOKEN, value)
    if (!isRecipient(to)) fail('RecipientNotAllowed', to)
  }
  const length = size(data)
  if (length === 0) {
    if (!isRecipient(to)) fail('RecipientNotAllowed', to)
    return
  }
  if (length < 4) fail('MalformedCalldata', to, '0x00000000')
  const selector = slice(data, 0, 4)
  const word = (i: number): bigint => {
    if (length < 36 + 32 * i) fail('MalformedCalldata', to, selector)
    return hexToBigInt(slice(data, 4 + 32 * i, 36 + 32 * i))
  }
  const addressWord = (i: number): Address => {
    const w = word(i)
    if (w >> 160n !== 0n) fail('MalformedCalldata', to, selector)
    return getAddress(toHex(w, { size: 20 }))
  }
  if (K.denied.includes(selector)) fail('SelectorDenied', to, selector)

  if (isAddressEqual(to, K.permit2)) {
    let token: Address
    let spender: Address
    let amount: bigint
    if (selector === K.permit2Approve) {
      token = addressWord(0)
      spender = addressWord(1)
      amount = BigInt(addressWord(2))
    } else if (selector === K.permit2Permit) {
      addressWord(0)
      token = addressWord(1)
      amount = BigInt(addressWord(2))
      spender = addressWord(5)
    } else {
      fail('SelectorDenied', K.permit2, selector)
    }
    if (!hasRule(token)) fail('TokenNotAllowed', token)
    if (!isRecipient(spender)) fail('RecipientNotAllowed', spender)
    reserve(token, amount)
    return
  }

  if (spending.includes(selector)) {
    if (!hasRule(to)) fail('TokenNotAllowed', to)
    let counterparty: Address
    let amount: bigint
    if (selector === K.transferFrom) {
      const from = addressWord(0)
      counterparty = addressWord(1)
      amount = word(2)
      if (!isAddressEqual(from, s.safe)) fail('TransferFromNotSafe', from)
    } else if (selector === K.permit) {
      addressWord(0)
      counterparty = addressWord(1)
      amount = word(2)
    } else {
      counterparty = addressWord(0)
      amount = word(1)
    }
    if (!isRecipient(counterparty)) fail('RecipientNotAllowed', counterparty)
    reserve(to, amount)
    return
  }

  const conditions = s.targets[targetKey(to, selector)]
  if (!conditions) fail(hasRule(to) ? 'SelectorDenied' : 'TargetNotAllowed', to, selector)
  for (const condition of conditions) {
    if (length < 36 + 32 * condition.index) fail('ConditionFailed', to, selector, condition.index)
    const w = hexToBigInt(slice(data, 4 + 32 * condition.index, 36 + 32 * condition.index))
    const ok =
      condition.op === 'eq'
        ? w === condition.value
        : condition.op === 'lte'
          ? w <= condition.value
          : condition.op === 'gte'
            ? w >= condition.value
            : w >> 160n === 0n && isRecipient(getAddress(toHex(w, { size: 20 })))
    if (!ok) fail('ConditionFailed', to, selector, condition.index)
  }
}

/** Selector of a leaf's calldata, `0x` when it has none. */
export function selectorOf(data: Hex): Hex {
  return size(data) >= 4 ? slice(data, 0, 4) : '0x'
}
