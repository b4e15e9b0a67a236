import { describe, expect, it } from 'vitest'
import { InvalidEventError, UnknownTokenError } from '../errors/AnalysisError.ts'
import type { MarketEvent, TradeEvent } from '../model/MarketEvent.ts'
import { applyEvent } from './applyEvent.ts'
import { buildWalletGraph } from './buildWalletGraph.ts'
import { createWalletGraph } from './createWalletGraph.ts'
import { fundingAncestors } from './fundingAncestors.ts'
import { getTokenState } from './getTokenState.ts'
import { createEventBuilder, UNIT } from './testing/createEventBuilder.ts'

describe('wallet graph', () => {
  it('tracks funding edges, balances, transfers and same-block traders incrementally', () => {
    const b = createEventBuilder()
    b.fund(0, 'cex', 'dev')
    b.launch(1, 'dev')
    b.buy(1, 'dev', 100n * UNIT)
    b.buy(1, 'x', 50n * UNIT)
    b.transfer(2, 'dev', 'y', 30n * UNIT)
    b.sell(3, 'x', 20n * UNIT)
    const graph = createWalletGraph()
    for (const e of b.events) expect(applyEvent(graph, e)).toBe(true)
    const state = getTokenState(graph, 'T')
    expect(state.balances.get('dev')).toBe(70n * UNIT)
    expect(state.balances.get('y')).toBe(30n * UNIT)
    expect(state.balances.get('x')).toBe(30n * UNIT)
    expect(state.transferEdges.get('dev')?.get('y')).toBe(30n * UNIT)
    expect(graph.coTrades.get('dev')?.get('x')).toBe(1)
    expect(graph.fundedBy.get('dev')?.[0]?.from).toBe('cex')
    expect(graph.firstSeen.get('dev')).toBe(1_000)
  })

  it('never counts a duplicated event twice', () => {
    const b = createEventBuilder()
    b.launch(0, 'dev')
    const buy = b.buy(1, 'x', 10n * UNIT)
    const graph = buildWalletGraph({ events: [...b.events, buy, { ...buy }] })
    const state = getTokenState(graph, 'T')
    expect(state.balances.get('x')).toBe(10n * UNIT)
    expect(state.trades).toHaveLength(1)
    expect(applyEvent(graph, { ...buy })).toBe(false)
  })

  it('rejects malformed events before changing anything', () => {
    const graph = createWalletGraph()
    const b = createEventBuilder()
    const buy = b.buy(0, 'x', UNIT) as TradeEvent
    expect(() => applyEvent(graph, { ...buy, tokenAmount: -1n })).toThrow(InvalidEventError)
    expect(() => applyEvent(graph, { ...buy, tokenAmount: 5 as unknown as bigint })).toThrow(/tokenAmount/)
    expect(() => applyEvent(graph, { ...buy, kind: 'mint' } as unknown as MarketEvent)).toThrow(/kind/)
    expect(() => applyEvent(graph, { ...buy, logIndex: -1 })).toThrow(/logIndex/)
    expect(graph.seen.size).toBe(0)
    expect(graph.tokens.size).toBe(0)
  })

  it('names an unknown token clearly', () => {
    const graph = buildWalletGraph({ events: createEventBuilder().events })
    expect(() => getTokenState(graph, '0xNope')).toThrow(UnknownTokenError)
    expect(() => getTokenState(graph, '0xNope')).toThrow(/0xNope: no launch, trade or transfer/)
  })

  it('follows funding back through several hops, stopping at public sources', () => {
    const b = createEventBuilder()
    b.fund(0, 'dev', 'hop1')
    b.fund(1, 'hop1', 'hop2')
    b.fund(2, 'hop2', 'insider')
    b.fund(0, 'cex', 'dev')
    const graph = buildWalletGraph({ events: b.events })
    expect(Object.fromEntries(fundingAncestors(graph, { wallet: 'insider' }))).toEqual({
      hop2: 1,
      hop1: 2,
      dev: 3,
      cex: 4,
    })
    expect(fundingAncestors(graph, { wallet: 'insider', maxHops: 2 }).has('dev')).toBe(false)
    expect(fundingAncestors(graph, { wallet: 'insider', isPublic: (w) => w === 'hop1' }).has('dev')).toBe(
      false,
    )
  })
})
