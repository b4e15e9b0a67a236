import type { Address } from 'viem'
import { describe, expect, it } from 'vitest'
import { SimulationError } from '../errors/SimulationError.ts'
import { gasReserve } from './gasPlan.ts'
import type { MarketPlan, PlanAction } from './MarketPlan.ts'
import { allScenarios } from './MarketPlan.ts'
import { planMarket } from './planMarket.ts'

const walletsOf = (plan: MarketPlan, role: string) =>
  plan.wallets.filter((w) => w.role === role).map((w) => w.address)
const parentOf = (plan: MarketPlan, w: Address) =>
  plan.actions.find((a): a is Extract<PlanAction, { type: 'fund' }> => a.type === 'fund' && a.to === w)?.from

describe('planMarket', () => {
  it('is a pure function of seed and scenario', () => {
    const a = planMarket({ seed: 11, scenario: 'cabal' })
    const b = planMarket({ seed: 11, scenario: 'cabal' })
    const c = planMarket({ seed: 12, scenario: 'cabal' })
    expect(a).toEqual(b)
    expect(c.wallets[0]!.address).not.toBe(a.wallets[0]!.address)
    expect(c.actions).not.toEqual(a.actions)
  })

  it('orders actions by block and funds every wallet before it acts, with enough coin', () => {
    for (const scenario of allScenarios) {
      const plan = planMarket({ seed: 5, scenario })
      const balance = new Map<Address, bigint>()
      let last = 0
      for (const a of plan.actions) {
        expect(a.block).toBeGreaterThanOrEqual(last)
        last = a.block
        const sender = a.type === 'fund' || a.type === 'transfer' ? a.from : a.wallet
        const spend =
          gasReserve(a.type) +
          (a.type === 'fund'
            ? a.amount
            : a.type === 'launch' || a.type === 'buy' || a.type === 'wrap'
              ? a.value
              : 0n)
        if (sender !== plan.funder) {
          const have = balance.get(sender) ?? 0n
          expect(have, `${scenario}: ${sender} short at offset ${a.block}`).toBeGreaterThanOrEqual(spend)
          balance.set(sender, have - spend)
        }
        if (a.type === 'fund') {
          expect(a.block).toBeGreaterThanOrEqual(0)
          balance.set(a.to, (balance.get(a.to) ?? 0n) + a.amount)
        }
      }
    }
  })

  it('puts bundlers in the creation block, behind the launch', () => {
    const plan = planMarket({ seed: 3, scenario: 'hard-rug' })
    const launchIndex = plan.actions.findIndex((a) => a.type === 'launch')
    const launch = plan.actions[launchIndex]!
    const bundlers = walletsOf(plan, 'bundler')
    expect(bundlers.length).toBeGreaterThanOrEqual(3)
    for (const w of bundlers) {
      const i = plan.actions.findIndex((a) => a.type === 'buy' && a.wallet === w)
      expect(plan.actions[i]!.block).toBe(launch.block)
      expect(i).toBeGreaterThan(launchIndex)
    }
  })

  it('funds insiders from the dev through at least two hops, never directly', () => {
    const plan = planMarket({ seed: 4, scenario: 'slow-rug' })
    const dev = walletsOf(plan, 'dev')[0]!
    const insiders = walletsOf(plan, 'insider')
    expect(insiders.length).toBeGreaterThanOrEqual(4)
    for (const w of insiders) {
      const path: Address[] = []
      let at: Address | undefined = w
      while (at && at !== dev && path.length < 10) {
        at = parentOf(plan, at)
        if (at) path.push(at)
      }
      expect(path.at(-1)).toBe(dev)
      expect(path.length).toBeGreaterThanOrEqual(2)
      expect(plan.truth.entities.dev).toContain(w)
    }
  })

  it('has cabal members enter within three blocks of the lead, from one hub', () => {
    const plan = planMarket({ seed: 8, scenario: 'cabal' })
    const [lead] = walletsOf(plan, 'lead').filter(
      (w) => plan.truth.roles[w] === 'lead' && plan.truth.entities.cabal?.includes(w),
    )
    const entry = plan.actions.find((a) => a.type === 'buy' && a.wallet === lead)!.block
    const hub = parentOf(plan, lead!)
    for (const m of walletsOf(plan, 'cabal')) {
      const first = plan.actions.find((a) => a.type === 'buy' && a.wallet === m)!.block
      expect(first - entry).toBeGreaterThanOrEqual(0)
      expect(first - entry).toBeLessThanOrEqual(3)
      expect(parentOf(plan, m)).toBe(hub)
    }
    expect(plan.truth.leads.find((l) => l.lead === lead)?.followers.length).toBe(
      walletsOf(plan, 'cabal').length,
    )
  })

  it('records the rug at the first exit sell of the rugging entity', () => {
    for (const scenario of ['slow-rug', 'hard-rug', 'cabal'] as const) {
      const plan = planMarket({ seed: 9, scenario })
      const rug = plan.truth.rugs[0]!
      expect(rug.kind).not.toBe('none')
      const entity = rug.by === 'cabal' ? 'cabal' : 'dev'
      const sells = plan.actions.filter(
        (a) => a.type === 'sell' && plan.truth.entities[entity]!.includes(a.wallet),
      )
      expect(sells.some((a) => a.block === rug.atBlockOffset)).toBe(true)
    }
    expect(planMarket({ seed: 9, scenario: 'organic' }).truth.rugs[0]!.kind).toBe('none')
  })

  it('has wash rounds that net to zero tokens for the ring', () => {
    const plan = planMarket({ seed: 2, scenario: 'wash' })
    const ring = new Set(walletsOf(plan, 'wash'))
    expect(ring.size).toBeGreaterThanOrEqual(3)
    expect(plan.actions.some((a) => a.type === 'transfer' && ring.has(a.from) && ring.has(a.to))).toBe(true)
  })

  it('rejects bad parameters with a clear error', () => {
    expect(() => planMarket({ seed: -1, scenario: 'wash' })).toThrow(SimulationError)
    expect(() => planMarket({ seed: 1, scenario: 'moon' as never })).toThrow(/unknown scenario/)
  })
})
