import {
  type Address,
  decodeFunctionData,
  getAddress,
  type Hex,
  isAddressEqual,
  slice,
  toFunctionSelector,
} from 'viem'
import { NATIVE_TOKEN, type TokenInfo } from '../policy/TokenInfo.ts'
import type { DecodedCall, PairInfo, Spend } from './DecodedCall.ts'
import { decodeSwapLeaf } from './decodeSwapLeaf.ts'
import { formatAmount } from './formatAmount.ts'
import { erc20SpendAbi, multiSendAbi, permit2Abi, uniswapV2SwapSelector } from './knownAbis.ts'
import { splitMultiSend } from './splitMultiSend.ts'
import { summarizeSwap } from './summarizeSwap.ts'

/** Parameters of {@link decodeCall}. */
export type DecodeCallParameters = {
  to: Address
  value: bigint
  data: Hex
  /** Tokens for readable amounts. */
  tokens?: readonly TokenInfo[]
  /** Addresses a call must never target (the Safe, the module): self-calls are flagged. */
  self?: readonly Address[]
  /** Deepest MultiSend nesting unwrapped (default 4). */
  maxDepth?: number
  /** Uniswap V2 pairs by lowercase address (tokens, reserves): swaps on them are explained in tokens. */
  pairs?: Readonly<Record<string, PairInfo>>
  /** The vault's Safe: a swap says whether its output comes back to it. */
  safe?: Address
}

const multiSendSelector = toFunctionSelector('function multiSend(bytes)')

/**
 * Decodes a call the agent wants the Safe to make: ERC-20 transfer/transferFrom/approve/increaseAllowance/
 * permit, Permit2 approve/permit/transferFrom, Uniswap V2 `swap` (a transfer + swap batch is summarised as a
 * swap: token in, exact amount out, recipient), MultiSend (unwrapped recursively) and plain native transfers;
 * anything else is `unknown` with an explanation. Every way of moving or authorising value becomes a `Spend`.
 *
 * @example
 * const call = decodeCall({ to: usdc, value: 0n, data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [bob, 5n] }) })
 * call.kind // 'erc20-transfer'
 */
export function decodeCall(parameters: DecodeCallParameters, depth = 0): DecodedCall {
  const { to, value, data, tokens = [], self = [] } = parameters
  const fmt = (amount: bigint, token: Address) => formatAmount(amount, token, tokens)
  const native: Spend[] =
    value > 0n ? [{ token: NATIVE_TOKEN, amount: value, counterparty: to, kind: 'native' }] : []
  const base = { to: getAddress(to), value, data, operation: 0 as const, args: {} }
  const selfCall = self.some((address) => isAddressEqual(address, to))
  if (data === '0x' || data.length < 10) {
    return {
      ...base,
      kind: data === '0x' ? 'native-transfer' : 'unknown',
      selector: '0x',
      spends: native,
      explanation:
        data === '0x' ? `send ${fmt(value, NATIVE_TOKEN)} to ${to}` : `malformed calldata to ${to}`,
      ...(data === '0x' ? {} : { problem: 'calldata shorter than a selector' }),
      ...(selfCall ? { problem: 'call to the Safe or the module itself' } : {}),
    }
  }
  const selector = slice(data, 0, 4)
  const withProblem = (call: DecodedCall): DecodedCall =>
    selfCall ? { ...call, problem: 'call to the Safe or the module itself' } : call
  if (selector === multiSendSelector) return withProblem(decodeBatch(parameters, depth, native))
  for (const abi of [erc20SpendAbi, permit2Abi] as const) {
    let decoded: { functionName: string; args: readonly unknown[] }
    try {
      decoded = decodeFunctionData({ abi, data }) as never
    } catch {
      continue
    }
    const a = decoded.args as never as unknown[]
    const call = (kind: DecodedCall['kind'], args: Record<string, unknown>, spends: Spend[], text: string) =>
      withProblem({
        ...base,
        kind,
        selector,
        functionName: decoded.functionName,
        args,
        spends: [...native, ...spends],
        explanation: value > 0n ? `${text}, sending ${fmt(value, NATIVE_TOKEN)} along` : text,
      })
    const token = getAddress(to)
    if (abi === erc20SpendAbi) {
      const [x, y, z] = a as [Address, Address | bigint, bigint]
      switch (decoded.functionName) {
        case 'transfer':
          return call(
            'erc20-transfer',
            { to: x, amount: y },
            [spend(token, y as bigint, x, 'transfer')],
            `transfer ${fmt(y as bigint, token)} to ${x}`,
          )
        case 'transferFrom':
          return call(
            'erc20-transferFrom',
            { from: x, to: y, amount: z },
            [spend(token, z, y as Address, 'transfer')],
            `transfer ${fmt(z, token)} from ${x} to ${y}`,
          )
        case 'approve':
          return call(
            'erc20-approve',
            { spender: x, amount: y },
            [spend(token, y as bigint, x, 'approval')],
            `allow ${x} to spend ${fmt(y as bigint, token)}`,
          )
        case 'increaseAllowance':
          return call(
            'erc20-increaseAllowance',
            { spender: x, amount: y },
            [spend(token, y as bigint, x, 'approval')],
            `raise ${x}'s allowance by ${fmt(y as bigint, token)}`,
          )
        case 'permit': {
          const amount = z
          return call(
            'erc20-permit',
            { owner: x, spender: y, amount },
            [spend(token, amount, y as Address, 'approval')],
            `submit a permit letting ${y} spend ${fmt(amount, token)} of ${x}'s tokens`,
          )
        }
      }
    } else {
      switch (decoded.functionName) {
        case 'approve': {
          const [t, spender, amount] = a as [Address, Address, bigint]
          return call(
            'permit2-approve',
            { token: t, spender, amount },
            [spend(t, amount, spender, 'approval')],
            `Permit2: allow ${spender} to spend ${fmt(amount, t)}`,
          )
        }
        case 'permit': {
          const [owner, single] = a as [
            Address,
            { details: { token: Address; amount: bigint }; spender: Address },
          ]
          const { token: t, amount } = single.details
          return call(
            'permit2-permit',
            { owner, token: t, spender: single.spender, amount },
            [spend(t, amount, single.spender, 'approval')],
            `Permit2: permit ${single.spender} to spend ${fmt(amount, t)} of ${owner}'s tokens`,
          )
        }
        case 'transferFrom': {
          const [from, recipient, amount, t] = a as [Address, Address, bigint, Address]
          return call(
            'permit2-transferFrom',
            { from, to: recipient, amount, token: t },
            [spend(t, amount, recipient, 'transfer')],
            `Permit2: move ${fmt(amount, t)} from ${from} to ${recipient}`,
          )
        }
      }
    }
  }
  const swap = selector === uniswapV2SwapSelector ? decodeSwapLeaf(parameters) : undefined
  if (swap) return withProblem({ ...base, ...swap, spends: native })
  return withProblem({
    ...base,
    kind: 'unknown',
    selector,
    spends: native,
    explanation: `unknown function ${selector} on ${to}: its effect on value cannot be read from the calldata`,
    problem: `unknown selector ${selector}`,
  })
}

function spend(token: Address, amount: bigint, counterparty: Address, kind: Spend['kind']): Spend {
  return { token: getAddress(token), amount, counterparty: getAddress(counterparty), kind }
}

function decodeBatch(parameters: DecodeCallParameters, depth: number, native: Spend[]): DecodedCall {
  const { to, value, data } = parameters
  const base = {
    kind: 'multisend' as const,
    to: getAddress(to),
    value,
    data,
    operation: 0 as const,
    selector: multiSendSelector,
    functionName: 'multiSend',
  }
  const fail = (problem: string): DecodedCall => ({
    ...base,
    args: {},
    spends: native,
    explanation: `malformed or refused batch: ${problem}`,
    problem,
  })
  if (depth >= (parameters.maxDepth ?? 4))
    return fail(`batches nested deeper than ${parameters.maxDepth ?? 4}`)
  let transactions: Hex
  try {
    transactions = decodeFunctionData({ abi: multiSendAbi, data }).args[0]
  } catch {
    return fail('multiSend arguments do not decode')
  }
  const split = splitMultiSend(transactions)
  if ('error' in split) return fail(split.error)
  const calls = split.records.map((record): DecodedCall => {
    const inner = decodeCall(
      { ...parameters, to: record.to, value: record.value, data: record.data },
      depth + 1,
    )
    return record.operation === 0 ? inner : { ...inner, operation: 1, problem: 'delegatecall inside a batch' }
  })
  const problem = calls.find((call) => call.problem)?.problem
  const swap = summarizeSwap(calls, parameters)
  const fmt = (amount: bigint, token: Address) => formatAmount(amount, token, parameters.tokens)
  return {
    ...base,
    args: { count: calls.length },
    calls,
    spends: [...native, ...calls.flatMap((call) => call.spends)],
    explanation: swap
      ? `swap ${fmt(swap.amountIn, swap.tokenIn)} for exactly ${fmt(swap.amountOut, swap.tokenOut)} (the minimum out: the pair pays that or the batch reverts; ${fmt(swap.quotedOut, swap.tokenOut)} at current reserves) on Uniswap V2 pair ${swap.pair}, output ${swap.toSafe ? 'to the Safe' : `to ${swap.recipient}${parameters.safe ? ', NOT the Safe' : ''}`}`
      : `batch of ${calls.length} call(s): ${calls.map((call) => call.explanation).join('; ')}`,
    ...(swap ? { swap } : {}),
    ...(problem ? { problem: `inside the batch: ${problem}` } : {}),
  }
}
