import type { Address, Hex } from 'viem'

/**
 * What a call does to value: the token (`0x0…0` for the native coin), how much, to whom, and why it counts.
 * `approval` spends are allowances granted (approve, increaseAllowance, permit, Permit2) and count as spending.
 *
 * @example
 * const spend: Spend = { token: usdc, amount: 100_000_000n, counterparty: bob, kind: 'transfer' }
 */
export type Spend = {
  token: Address
  amount: bigint
  /** The recipient (transfers) or the spender (approvals). */
  counterparty: Address
  kind: 'native' | 'transfer' | 'approval'
}

/** The kinds of call {@link decodeCall} recognises. */
export type DecodedCallKind =
  | 'native-transfer'
  | 'erc20-transfer'
  | 'erc20-transferFrom'
  | 'erc20-approve'
  | 'erc20-increaseAllowance'
  | 'erc20-permit'
  | 'permit2-approve'
  | 'permit2-permit'
  | 'permit2-transferFrom'
  | 'multisend'
  | 'unknown'

/**
 * One decoded call: its target, value, selector, named arguments, the spends it implies, a sentence saying
 * what it does, and (for MultiSend) the inner calls, unwrapped recursively.
 *
 * @example
 * const call = decodeCall({ to: usdc, value: 0n, data })
 * call.explanation // 'transfer 100 USDC to 0x70997970…'
 */
export type DecodedCall = {
  kind: DecodedCallKind
  to: Address
  value: bigint
  data: Hex
  /** First four bytes of the calldata (`0x` for a plain transfer). */
  selector: Hex
  functionName?: string
  args: Record<string, unknown>
  spends: Spend[]
  explanation: string
  /** 0 = CALL, 1 = DELEGATECALL (only inside MultiSend). */
  operation: 0 | 1
  calls?: DecodedCall[]
  /** Why the call cannot be judged (unknown selector, delegatecall, malformed batch, self-call). */
  problem?: string
}
