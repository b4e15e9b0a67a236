import { type Address, concat, encodeFunctionData, erc20Abi, type Hex, toHex } from 'viem'
import { describe, expect, it } from 'vitest'
import { NATIVE_TOKEN } from '../policy/TokenInfo.ts'
import { decodeCall } from './decodeCall.ts'
import { encodeMultiSend } from './encodeMultiSend.ts'
import { erc20SpendAbi, permit2Abi, uniswapV2PairAbi } from './knownAbis.ts'
import { splitMultiSend } from './splitMultiSend.ts'

const usdc: Address = '0x5FbDB2315678afecb367f032d93F642f64180aa3'
const bob: Address = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC'
const safe: Address = '0x90F79bf6EB2c4f870365E785982E1f101E93b906'
const permit2: Address = '0x000000000022D473030F116dDEE9F6B43aC78BA3'
const tokens = [{ symbol: 'USDC', address: usdc, decimals: 6 }]
const transfer = encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [bob, 5_000_000n] })

describe('decodeCall', () => {
  it('explains an ERC-20 transfer and a native transfer', () => {
    const call = decodeCall({ to: usdc, value: 0n, data: transfer, tokens })
    expect(call.kind).toBe('erc20-transfer')
    expect(call.explanation).toBe(`transfer 5 USDC to ${bob}`)
    expect(call.spends).toEqual([{ token: usdc, amount: 5_000_000n, counterparty: bob, kind: 'transfer' }])
    const native = decodeCall({ to: bob, value: 10n ** 18n, data: '0x' })
    expect(native.spends).toEqual([
      { token: NATIVE_TOKEN, amount: 10n ** 18n, counterparty: bob, kind: 'native' },
    ])
    expect(native.explanation).toBe(`send 1 ETH to ${bob}`)
  })

  it('counts approve, increaseAllowance, permit and Permit2 as spending', () => {
    const approve = decodeCall({
      to: usdc,
      value: 0n,
      data: encodeFunctionData({ abi: erc20SpendAbi, functionName: 'approve', args: [bob, 7n] }),
    })
    expect(approve.spends[0]).toMatchObject({ kind: 'approval', amount: 7n, counterparty: bob })
    const raise = decodeCall({
      to: usdc,
      value: 0n,
      data: encodeFunctionData({ abi: erc20SpendAbi, functionName: 'increaseAllowance', args: [bob, 9n] }),
    })
    expect(raise.kind).toBe('erc20-increaseAllowance')
    const permit = decodeCall({
      to: usdc,
      value: 0n,
      data: encodeFunctionData({
        abi: erc20SpendAbi,
        functionName: 'permit',
        args: [safe, bob, 11n, 1n, 27, toHex(1, { size: 32 }), toHex(2, { size: 32 })],
      }),
    })
    expect(permit.spends[0]).toMatchObject({ token: usdc, amount: 11n, counterparty: bob, kind: 'approval' })
    const p2 = decodeCall({
      to: permit2,
      value: 0n,
      data: encodeFunctionData({ abi: permit2Abi, functionName: 'approve', args: [usdc, bob, 13n, 0] }),
    })
    expect(p2.spends[0]).toMatchObject({ token: usdc, amount: 13n, counterparty: bob, kind: 'approval' })
    const p2permit = decodeCall({
      to: permit2,
      value: 0n,
      data: encodeFunctionData({
        abi: permit2Abi,
        functionName: 'permit',
        args: [
          safe,
          { details: { token: usdc, amount: 17n, expiration: 0, nonce: 0 }, spender: bob, sigDeadline: 0n },
          '0x',
        ],
      }),
    })
    expect(p2permit.kind).toBe('permit2-permit')
    expect(p2permit.spends[0]).toMatchObject({ token: usdc, amount: 17n, counterparty: bob })
    const p2from = decodeCall({
      to: permit2,
      value: 0n,
      data: encodeFunctionData({
        abi: permit2Abi,
        functionName: 'transferFrom',
        args: [safe, bob, 19n, usdc],
      }),
    })
    expect(p2from.spends[0]).toMatchObject({ token: usdc, amount: 19n, counterparty: bob, kind: 'transfer' })
  })

  it('unwraps nested MultiSend batches and sums their spends', () => {
    const inner = encodeMultiSend([
      { to: usdc, value: 0n, data: transfer },
      { to: bob, value: 3n, data: '0x' },
    ])
    const outer = encodeMultiSend([
      { to: safe, value: 0n, data: inner },
      { to: usdc, value: 0n, data: transfer },
    ])
    const call = decodeCall({ to: safe, value: 0n, data: outer, tokens })
    expect(call.kind).toBe('multisend')
    expect(call.calls![0]!.calls!.map((c) => c.kind)).toEqual(['erc20-transfer', 'native-transfer'])
    expect(call.spends.map((s) => s.amount)).toEqual([5_000_000n, 3n, 5_000_000n])
  })

  it('flags self-calls, delegatecalls, deep nesting, truncated batches and unknown selectors', () => {
    expect(decodeCall({ to: safe, value: 0n, data: transfer, self: [safe] }).problem).toMatch(/itself/)
    const delegate = encodeMultiSend([{ to: usdc, value: 0n, data: transfer, operation: 1 }])
    expect(decodeCall({ to: bob, value: 0n, data: delegate }).problem).toMatch(/delegatecall/)
    let nested = encodeMultiSend([{ to: usdc, value: 0n, data: transfer }])
    for (let i = 0; i < 5; i++) nested = encodeMultiSend([{ to: bob, value: 0n, data: nested }])
    expect(decodeCall({ to: bob, value: 0n, data: nested }).problem).toMatch(/nested deeper/)
    const good = encodeMultiSend([{ to: usdc, value: 0n, data: transfer }])
    expect(splitMultiSend(`0x${'00'.repeat(84)}`)).toEqual({ error: 'truncated record header at byte 0' })
    expect(
      decodeCall({ to: bob, value: 0n, data: concat([good.slice(0, 10) as `0x${string}`, '0x1234']) })
        .problem,
    ).toMatch(/do not decode/)
    const unknown = decodeCall({ to: bob, value: 2n, data: '0xdeadbeef00' })
    expect(unknown.kind).toBe('unknown')
    expect(unknown.explanation).toMatch(/unknown function 0xdeadbeef/)
    expect(unknown.spends).toHaveLength(1)
  })

  it('explains a Uniswap V2 swap leaf, and a transfer + swap batch as a swap (exact out, recipient, quote)', () => {
    const pair: Address = '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0'
    const weth: Address = '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512'
    const swapData = (to: Address, data: Hex = '0x') =>
      encodeFunctionData({ abi: uniswapV2PairAbi, functionName: 'swap', args: [0n, 1_000_000n, to, data] })
    const leaf = decodeCall({ to: pair, value: 0n, data: swapData(bob, '0x01') })
    expect(leaf.kind).toBe('uniswap-v2-swap')
    expect(leaf.spends).toEqual([])
    expect(leaf.explanation).toBe(
      `Uniswap V2 swap on ${pair}: take 1000000 of token1 out of the pair, to ${bob}, with a flash-swap callback`,
    )
    const pairs = {
      [pair.toLowerCase()]: { token0: weth, token1: usdc, reserve0: 10n ** 20n, reserve1: 2n * 10n ** 11n },
    }
    const batch = (to: Address) =>
      encodeMultiSend([
        {
          to: weth,
          value: 0n,
          data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [pair, 10n ** 15n] }),
        },
        { to: pair, value: 0n, data: swapData(to) },
      ])
    const ok = decodeCall({ to: bob, value: 0n, data: batch(safe), pairs, safe, tokens })
    expect(ok.swap).toEqual({
      pair,
      tokenIn: weth,
      amountIn: 10n ** 15n,
      tokenOut: usdc,
      amountOut: 1_000_000n,
      quotedOut: 1_993_980n,
      recipient: safe,
      toSafe: true,
    })
    expect(ok.explanation).toBe(
      `swap 1000000000000000 units of token ${weth} for exactly 1 USDC (the minimum out: the pair pays that or the batch reverts; 1.99398 USDC at current reserves) on Uniswap V2 pair ${pair}, output to the Safe`,
    )
    expect(decodeCall({ to: bob, value: 0n, data: batch(bob), pairs, safe, tokens }).explanation).toMatch(
      new RegExp(`output to ${bob}, NOT the Safe$`),
    )
    expect(decodeCall({ to: bob, value: 0n, data: batch(safe), safe, tokens }).swap).toBeUndefined()
  })
})
