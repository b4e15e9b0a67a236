import type { MarketEvent } from '../../model/MarketEvent.ts'

/** Hand-made market events for tests: one block per second from `t = 0`, one transaction per event. */
export type EventBuilder = {
  events: MarketEvent[]
  fund(t: number, from: string, to: string, amount?: bigint): MarketEvent
  launch(t: number, creator: string, token?: string): MarketEvent
  buy(t: number, trader: string, tokenAmount: bigint, token?: string): MarketEvent
  sell(t: number, trader: string, tokenAmount: bigint, token?: string): MarketEvent
  transfer(t: number, from: string, to: string, amount: bigint, token?: string): MarketEvent
  removeLiquidity(t: number, provider: string, token?: string): MarketEvent
}

/** 1 token = 10^18 base units; supply is 1,000,000,000 tokens. */
export const UNIT = 10n ** 18n

/**
 * Creates a builder of small, hand-made event sequences (token `T` by default, block = second).
 *
 * @example
 * const b = createEventBuilder()
 * b.launch(0, 'dev'); b.buy(0, 'dev', 10n ** 24n)
 */
export function createEventBuilder(): EventBuilder {
  const events: MarketEvent[] = []
  let n = 0
  const at = (t: number) => {
    const txIndex = events.filter((e) => e.block === 100 + t).length
    return {
      chain: 'test',
      block: 100 + t,
      timestamp: 1_000 + t,
      tx: `0x${(n++).toString(16)}`,
      txIndex,
      logIndex: 0,
    }
  }
  const add = (e: MarketEvent) => {
    events.push(e)
    return e
  }
  return {
    events,
    fund: (t, from, to, amount = UNIT) => add({ ...at(t), logIndex: -1, kind: 'funding', from, to, amount }),
    launch: (t, creator, token = 'T') =>
      add({
        ...at(t),
        kind: 'launch',
        token,
        creator,
        name: 'Test',
        symbol: 'TST',
        totalSupply: 1_000_000_000n * UNIT,
      }),
    buy: (t, trader, tokenAmount, token = 'T') =>
      add({
        ...at(t),
        kind: 'trade',
        token,
        trader,
        side: 'buy',
        nativeAmount: tokenAmount / 1000n,
        tokenAmount,
        fee: 0n,
        venue: 'curve',
      }),
    sell: (t, trader, tokenAmount, token = 'T') =>
      add({
        ...at(t),
        kind: 'trade',
        token,
        trader,
        side: 'sell',
        nativeAmount: tokenAmount / 1000n,
        tokenAmount,
        fee: 0n,
        venue: 'curve',
      }),
    transfer: (t, from, to, amount, token = 'T') =>
      add({ ...at(t), kind: 'transfer', token, from, to, amount }),
    removeLiquidity: (t, provider, token = 'T') =>
      add({
        ...at(t),
        kind: 'liquidity',
        token,
        action: 'remove',
        pool: 'POOL',
        nativeAmount: UNIT,
        tokenAmount: UNIT,
        provider,
      }),
  }
}
