import { describe, expect, it } from 'vitest'
import type { MarketEvent } from '../model/MarketEvent.ts'
import { INITIAL_VIRTUAL_ETH, INITIAL_VIRTUAL_TOKEN } from './curveMath.ts'
import { type allScenarios, poolScenarios, scenarios } from './MarketPlan.ts'
import { planMarket } from './planMarket.ts'
import { planToEvents } from './planToEvents.ts'

type Trade = Extract<MarketEvent, { kind: 'trade' }>
type Liquidity = Extract<MarketEvent, { kind: 'liquidity' }>

describe('planToEvents', () => {
  it('keeps the curve honest: k never falls, reserves match the flows, nothing is double counted', () => {
    for (const scenario of scenarios) {
      const plan = planMarket({ seed: 21, scenario })
      const events = planToEvents(plan)
      let k = INITIAL_VIRTUAL_ETH * INITIAL_VIRTUAL_TOKEN
      let realNative = 0n
      for (const e of events.filter((e): e is Trade => e.kind === 'trade' && e.venue === 'curve')) {
        const r = e.reserves!
        expect(r.virtualNative * r.virtualToken).toBeGreaterThanOrEqual(k)
        k = r.virtualNative * r.virtualToken
        realNative += e.side === 'buy' ? e.nativeAmount : -e.nativeAmount
        expect(r.realNative).toBe(realNative)
      }
      const keys = events.map((e) => `${e.tx}/${e.logIndex}`)
      expect(new Set(keys).size).toBe(keys.length)
    }
  })

  it('charges at least 1% on every trade', () => {
    const events = planToEvents(planMarket({ seed: 2, scenario: 'cabal' })).filter(
      (e): e is Trade => e.kind === 'trade',
    )
    for (const e of events) {
      if (e.side === 'buy') expect(e.fee * 10_000n).toBeGreaterThanOrEqual((e.nativeAmount + e.fee) * 100n)
      else expect(e.fee * 10_000n).toBeGreaterThanOrEqual(e.nativeAmount * 100n)
    }
  })

  it('migrates the organic success once its curve sells out', () => {
    const plan = planMarket({ seed: 1, scenario: 'organic' })
    const events = planToEvents(plan)
    const complete = events.find((e) => e.kind === 'complete')
    const migrate = events.find((e) => e.kind === 'liquidity')
    expect(complete).toBeDefined()
    expect(migrate).toMatchObject({ action: 'migrate', pool: plan.tokens[0]!.pair, tx: complete!.tx })
    const last = events.filter((e): e is Trade => e.kind === 'trade' && e.venue === 'curve').at(-1)!
    expect(last.reserves!.realToken).toBe(0n)
    if (migrate?.kind === 'liquidity') expect(migrate.nativeAmount).toBe(last.reserves!.realNative)
  })

  it('trades in the pool after the migration: constant product after fees, reserves from the migration and the flows', () => {
    for (const scenario of ['organic', ...poolScenarios]) {
      const plan = planMarket({ seed: 13, scenario: scenario as (typeof allScenarios)[number] })
      const events = planToEvents(plan)
      const migrate = events.find((e) => e.kind === 'liquidity' && e.action === 'migrate')!
      if (migrate.kind !== 'liquidity') throw new Error('no migration')
      let native = migrate.nativeAmount
      let token = migrate.tokenAmount
      const pool = events.filter(
        (e): e is Trade | Liquidity =>
          (e.kind === 'trade' && e.venue === 'pool') || (e.kind === 'liquidity' && e.action !== 'migrate'),
      )
      const trades = pool.filter((e) => e.kind === 'trade')
      expect(trades.length).toBe(plan.truth.poolTrades.length)
      expect(trades.length).toBeGreaterThan(10)
      expect(pool.every((e) => e.block > migrate.block && (e.kind === 'liquidity' || e.fee === 0n))).toBe(
        true,
      )
      for (const e of pool) {
        if (e.kind === 'liquidity') {
          // A provider adds at the pool's price and takes its share back out: amounts in the pool's ratio, to
          // one base unit of rounding.
          const sign = e.action === 'add' ? 1n : -1n
          const skew = e.tokenAmount * native - e.nativeAmount * token
          expect(skew < 0n ? -skew : skew).toBeLessThan(native + token)
          native += sign * e.nativeAmount
          token += sign * e.tokenAmount
          continue
        }
        const buy = e.side === 'buy'
        // Uniswap V2's invariant on balances net of the 0.3% input fee, checked exactly as the pair checks it.
        const [inAmount, reserveIn, reserveOut] = buy
          ? [e.nativeAmount, native, token]
          : [e.tokenAmount, token, native]
        const out = buy ? e.tokenAmount : e.nativeAmount
        expect((reserveIn * 1000n + inAmount * 997n) * (reserveOut - out)).toBeGreaterThanOrEqual(
          reserveIn * reserveOut * 1000n,
        )
        native += buy ? e.nativeAmount : -e.nativeAmount
        token += buy ? -e.tokenAmount : e.tokenAmount
        expect(e.reserves).toEqual({
          virtualNative: native,
          virtualToken: token,
          realNative: native,
          realToken: token,
        })
      }
    }
  })

  it('completes the curve in every organic success', () => {
    for (let seed = 0; seed < 12; seed++) {
      expect(planToEvents(planMarket({ seed, scenario: 'organic' })).some((e) => e.kind === 'complete')).toBe(
        true,
      )
    }
  })

  it('places events on blocks, timestamps and in-block positions from the origin', () => {
    const plan = planMarket({ seed: 6, scenario: 'hard-rug' })
    const events = planToEvents(plan, { origin: { block: 50, timestamp: 2_000_000_000 } })
    const launch = events.find((e) => e.kind === 'launch')!
    expect(launch.block).toBe(
      50 +
        new Set(
          plan.actions.filter((a) => a.block < plan.truth.launches[0]!.atBlockOffset).map((a) => a.block),
        ).size,
    )
    expect(launch.timestamp).toBe(2_000_000_000 + plan.truth.launches[0]!.atBlockOffset)
    const sameBlock = events.filter((e) => e.block === launch.block && e.kind === 'trade')
    expect(sameBlock.length).toBeGreaterThan(3)
    for (let i = 1; i < sameBlock.length; i++) {
      expect(sameBlock[i]!.txIndex).toBeGreaterThan(sameBlock[i - 1]!.txIndex)
      expect(sameBlock[i]!.logIndex).toBeGreaterThan(sameBlock[i - 1]!.logIndex)
    }
  })

  it('evaluates 25 seeds of every scenario in well under a second each', () => {
    const started = performance.now()
    let trades = 0
    for (let seed = 100; seed < 125; seed++) {
      for (const scenario of scenarios)
        trades += planToEvents(planMarket({ seed, scenario })).filter((e) => e.kind === 'trade').length
    }
    expect(trades).toBeGreaterThan(125 * 40)
    expect(performance.now() - started).toBeLessThan(125 * 1000)
  })
})
