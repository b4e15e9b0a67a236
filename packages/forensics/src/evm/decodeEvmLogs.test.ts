import { type AbiEvent, encodeAbiParameters, encodeEventTopics, getAddress, parseEther } from 'viem'
import { describe, expect, it } from 'vitest'
import { decodeEvmLogs } from './decodeEvmLogs.ts'
import { decodeFunding } from './decodeFunding.ts'
import { createEvmDecodeContext, registerToken } from './EvmDecodeContext.ts'
import { evmEvents } from './evmTopics.ts'
import type { RawLog } from './RawLog.ts'

const launchpad = getAddress('0x1000000000000000000000000000000000000001')
const weth = getAddress('0xeeee000000000000000000000000000000000002')
const factory = getAddress('0x3000000000000000000000000000000000000003')
const token = getAddress('0x4000000000000000000000000000000000000004')
const alice = getAddress('0xa11ce00000000000000000000000000000000005')
const bob = getAddress('0xb0b0000000000000000000000000000000000006')

const context = () => {
  const ctx = createEvmDecodeContext({ chain: 'eip155:1', launchpad, weth, factory })
  registerToken(ctx, token)
  return ctx
}
let logIndex = 0
const log = (
  address: string,
  event: AbiEvent,
  args: Record<string, unknown>,
  extra: Partial<RawLog> = {},
): RawLog => {
  const topics = encodeEventTopics({ abi: [event], eventName: event.name, args } as never) as string[]
  const inputs = event.inputs.filter((i) => !i.indexed)
  const data = encodeAbiParameters(inputs, inputs.map((i) => args[i.name!]) as never)
  return {
    address,
    topics,
    data,
    blockNumber: 7,
    blockHash: '0xb7',
    transactionHash: '0xt1',
    transactionIndex: 0,
    logIndex: logIndex++,
    ...extra,
  }
}
const traded = (address = launchpad, extra: Partial<RawLog> = {}) =>
  log(
    address,
    evmEvents.traded,
    {
      token,
      trader: alice,
      isBuy: true,
      ethAmount: parseEther('1'),
      tokenAmount: 10n ** 24n,
      fee: parseEther('0.01'),
      virtualEthReserve: parseEther('31'),
      virtualTokenReserve: 10n ** 27n,
      realEthReserve: parseEther('1'),
      realTokenReserve: 7n * 10n ** 26n,
    },
    extra,
  )
const at = () => 1_700_000_000

describe('decodeEvmLogs', () => {
  it('decodes a curve trade with its reserves', () => {
    const { events, flags } = decodeEvmLogs([traded()], context(), at)
    expect(flags).toEqual([])
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'trade',
        token,
        trader: alice,
        side: 'buy',
        nativeAmount: parseEther('1'),
        venue: 'curve',
        timestamp: 1_700_000_000,
      }),
    ])
  })

  it('reads amounts of every width exactly, in lower- or uppercase hex', () => {
    const widths = [0n, 1n, 2n ** 52n - 1n, 2n ** 52n, 2n ** 104n - 1n, 2n ** 104n, 2n ** 256n - 1n]
    const amounts = (i: number) => widths[i % widths.length]!
    const logs = widths.map((_, i) =>
      log(launchpad, evmEvents.traded, {
        token,
        trader: alice,
        isBuy: i % 2 === 0,
        ethAmount: amounts(i),
        tokenAmount: amounts(i + 1),
        fee: amounts(i + 2),
        virtualEthReserve: amounts(i + 3),
        virtualTokenReserve: amounts(i + 4),
        realEthReserve: amounts(i + 5),
        realTokenReserve: amounts(i + 6),
      }),
    )
    const upper = logs.map((l) => ({ ...l, data: `0x${l.data.slice(2).toUpperCase()}` }))
    for (const batch of [logs, upper]) {
      const { events, flags } = decodeEvmLogs(batch, context(), at)
      expect(flags).toEqual([])
      expect(
        events.map((e) => {
          const t = e as Extract<typeof e, { kind: 'trade' }>
          return [t.side, t.nativeAmount, t.tokenAmount, t.fee, ...Object.values(t.reserves!)]
        }),
      ).toEqual(
        widths.map((_, i) => [
          i % 2 === 0 ? 'buy' : 'sell',
          ...[0, 1, 2, 3, 4, 5, 6].map((k) => amounts(i + k)),
        ]),
      )
    }
  })

  it('throws on data that is not hex, as BigInt always did', () => {
    const data = traded().data
    for (const w of [0, 2, 7]) {
      const bad = {
        ...traded(),
        data: `${data.slice(0, 2 + 64 * w)}${'zg'.repeat(32)}${data.slice(66 + 64 * w)}`,
      }
      expect(() => decodeEvmLogs([bad], context(), at)).toThrow(SyntaxError)
    }
  })

  it('flags a truncated launchpad log and an impostor contract, decoding neither', () => {
    const good = traded()
    const truncated = { ...traded(), data: good.data.slice(0, 2 + 64 * 5) }
    const impostor = traded(getAddress('0x9999999999999999999999999999999999999999'))
    const noTopics = { ...traded(), topics: [good.topics[0]!] }
    const { events, flags } = decodeEvmLogs([truncated, impostor, noTopics], context(), at)
    expect(events).toEqual([])
    expect(flags.map((f) => f.kind)).toEqual(['malformed-log', 'impostor', 'malformed-log'])
    expect(flags[0]).toMatchObject({ chain: 'eip155:1', block: 7, tx: '0xt1', logIndex: truncated.logIndex })
  })

  it('ignores logs of unknown contracts and logs removed by a reorg', () => {
    const stranger = getAddress('0x7777777777777777777777777777777777777777')
    const foreignTransfer = log(stranger, evmEvents.transfer, { from: alice, to: bob, value: 5n })
    const { events, flags } = decodeEvmLogs(
      [foreignTransfer, traded(launchpad, { removed: true })],
      context(),
      at,
    )
    expect(events).toEqual([])
    expect(flags).toEqual([])
  })

  it('keeps wallet-to-wallet token transfers and drops trade legs and pool deposits', () => {
    const ctx = context()
    const pair = ctx.tokens.get(token.toLowerCase())!.pair
    const logs = [
      log(token, evmEvents.transfer, { from: alice, to: bob, value: 5n }),
      log(token, evmEvents.transfer, { from: launchpad, to: alice, value: 6n }),
      log(token, evmEvents.transfer, { from: bob, to: pair, value: 7n }),
      { ...log(token, evmEvents.transfer, { from: alice, to: bob, value: 5n }), data: '0x' },
    ]
    const { events, flags } = decodeEvmLogs(logs, ctx, at)
    expect(events).toEqual([
      expect.objectContaining({ kind: 'transfer', token, from: alice, to: bob, amount: 5n }),
    ])
    expect(flags.map((f) => f.kind)).toEqual(['malformed-log'])
  })

  it('decodes pool swaps with reserves from Sync, liquidity adds and removals, but not the migration mint', () => {
    const ctx = context()
    const pair = ctx.tokens.get(token.toLowerCase())!.pair
    const tokenIsToken0 = token.toLowerCase() < weth.toLowerCase()
    const pairOf = (tokenSide: bigint, wethSide: bigint) =>
      tokenIsToken0 ? [tokenSide, wethSide] : [wethSide, tokenSide]
    const [r0, r1] = pairOf(10n ** 26n, parseEther('80'))
    const [in0, in1] = pairOf(0n, parseEther('2'))
    const [out0, out1] = pairOf(10n ** 24n, 0n)
    const [m0, m1] = pairOf(10n ** 25n, parseEther('5'))
    const logs = [
      log(pair, evmEvents.sync, { reserve0: r0, reserve1: r1 }, { transactionHash: '0xswap' }),
      log(
        pair,
        evmEvents.swap,
        { sender: alice, amount0In: in0, amount1In: in1, amount0Out: out0, amount1Out: out1, to: alice },
        { transactionHash: '0xswap' },
      ),
      log(pair, evmEvents.mint, { sender: bob, amount0: m0, amount1: m1 }, { transactionHash: '0xadd' }),
      log(
        pair,
        evmEvents.burn,
        { sender: bob, amount0: m0, amount1: m1, to: bob },
        { transactionHash: '0xremove' },
      ),
      log(
        pair,
        evmEvents.mint,
        { sender: launchpad, amount0: m0, amount1: m1 },
        { transactionHash: '0xmig' },
      ),
      log(
        launchpad,
        evmEvents.migrated,
        { token, pair, ethAmount: 1n, tokenAmount: 2n, liquidity: 3n },
        { transactionHash: '0xmig' },
      ),
    ]
    const { events, flags } = decodeEvmLogs(logs, ctx, at)
    expect(flags).toEqual([])
    expect(events.map((e) => e.kind)).toEqual(['trade', 'liquidity', 'liquidity', 'liquidity'])
    expect(events[0]).toMatchObject({
      side: 'buy',
      venue: 'pool',
      trader: alice,
      nativeAmount: parseEther('2'),
      tokenAmount: 10n ** 24n,
      reserves: { virtualNative: parseEther('80'), realToken: 10n ** 26n },
    })
    expect(events[1]).toMatchObject({
      action: 'add',
      provider: bob,
      nativeAmount: parseEther('5'),
      tokenAmount: 10n ** 25n,
    })
    expect(events[2]).toMatchObject({ action: 'remove', provider: bob })
    expect(events[3]).toMatchObject({ action: 'migrate', pool: pair, provider: launchpad })
  })

  it('credits a liquidity add to whoever paid the token into the pair, not to the contract that minted', () => {
    const ctx = context()
    const pair = ctx.tokens.get(token.toLowerCase())!.pair
    const router = getAddress('0x7070000000000000000000000000000000000007')
    const tx = { transactionHash: '0xviarouter' }
    const logs = [
      log(token, evmEvents.transfer, { from: bob, to: pair, value: 10n ** 25n }, tx),
      log(pair, evmEvents.mint, { sender: router, amount0: 1n, amount1: 2n }, tx),
      // A later mint whose token came in another transaction falls back to the Mint's sender.
      log(pair, evmEvents.mint, { sender: router, amount0: 1n, amount1: 2n }, { transactionHash: '0xother' }),
    ]
    const { events } = decodeEvmLogs(logs, ctx, at)
    expect(events.map((e) => e.kind === 'liquidity' && [e.action, e.provider])).toEqual([
      ['add', bob],
      ['add', router],
    ])
  })
})

describe('decodeFunding', () => {
  it('keeps successful plain transfers only and flags malformed transactions', () => {
    const ctx = context()
    const tx = (hash: string, extra: object = {}) => ({
      hash,
      from: alice,
      to: bob,
      value: 5n,
      input: '0x',
      transactionIndex: 0,
      ...extra,
    })
    const block = {
      number: 9,
      timestamp: 99,
      transactions: [
        tx('0x1'),
        tx('0x2', { input: '0xa9059cbb' }),
        tx('0x3', { value: 0n }),
        tx('0x4'),
        tx('0x5', { to: null }),
        { ...tx('0x6'), value: undefined as unknown as bigint },
      ],
    }
    const { events, flags } = decodeFunding(block, (hash) => hash !== '0x4', ctx)
    expect(events).toEqual([
      {
        chain: 'eip155:1',
        block: 9,
        timestamp: 99,
        tx: '0x1',
        txIndex: 0,
        logIndex: -1,
        kind: 'funding',
        from: alice,
        to: bob,
        amount: 5n,
      },
    ])
    expect(flags).toEqual([expect.objectContaining({ kind: 'malformed-transaction', tx: '0x6' })])
  })
})
