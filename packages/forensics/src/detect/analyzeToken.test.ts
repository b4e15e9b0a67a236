import { describe, expect, it } from 'vitest'
import { UnknownTokenError } from '../errors/AnalysisError.ts'
import { evaluateMarket } from '../eval/evaluateMarket.ts'
import { buildWalletGraph } from '../graph/buildWalletGraph.ts'
import { planMarket } from '../sim/planMarket.ts'
import { analyzeToken } from './analyzeToken.ts'
import { supplyShares } from './supplyShares.ts'
import { buildTestMarket } from './testing/buildTestMarket.ts'

describe('analyzeToken on a hand-made market', () => {
  const graph = buildWalletGraph({ events: buildTestMarket().events })
  const analysis = analyzeToken(graph, { token: 'T' })

  it('gives every wallet its role', () => {
    expect(Object.fromEntries(analysis.roles)).toEqual({
      dev: 'dev',
      bun1: 'bundler',
      ins1: 'insider',
      s1: 'sniper',
      s2: 'sniper',
      lead: 'lead',
      m1: 'cabal',
      m2: 'cabal',
      m3: 'cabal',
      m4: 'cabal',
      w1: 'wash',
      w2: 'wash',
      w3: 'wash',
      o1: 'organic',
      o2: 'organic',
      o3: 'organic',
    })
  })

  it('finds the insider three funding hops from the dev', () => {
    expect(analysis.insiders).toContainEqual({ wallet: 'ins1', hops: 3, via: 'funding' })
  })

  it('groups wallets into entities without merging through the exchange', () => {
    const e = analysis.entities
    expect(new Set(['dev', 'r1', 'r2', 'ins1', 'rb', 'bun1'].map((w) => e.get(w))).size).toBe(1)
    expect(new Set(['hub', 'lead', 'm1', 'm2', 'm3', 'm4'].map((w) => e.get(w))).size).toBe(1)
    expect(new Set(['hub2', 'w1', 'w2', 'w3'].map((w) => e.get(w))).size).toBe(1)
    const distinct = new Set(['cex', 'dev', 'hub', 'hub2', 's1', 's2', 'o1', 'o2', 'o3'].map((w) => e.get(w)))
    expect(distinct.size).toBe(9)
  })

  it('finds the cabal with its lead and hub, the lead with its followers, and the wash ring', () => {
    expect(analysis.cabals).toEqual([
      expect.objectContaining({ members: ['lead', 'm1', 'm2', 'm3', 'm4'], lead: 'lead', funders: ['hub'] }),
    ])
    expect(analysis.leads[0]).toMatchObject({ lead: 'lead', confirmed: ['m1', 'm2', 'm3', 'm4'] })
    expect(analysis.wash).toEqual([
      expect.objectContaining({
        wallets: ['w1', 'w2', 'w3'],
        buys: 3,
        sells: 3,
        internalTransfers: 6,
        net: 0n,
      }),
    ])
    expect(analysis.fresh).toContain('s1')
    expect(analysis.fresh).not.toContain('o3')
  })

  it('tracks the share of supply each group holds over time', () => {
    const points = supplyShares(graph, { analysis, at: [0, 25, 30, 200] })
    const at = (t: number) => points.find((p) => p.secondsAfterLaunch === t)!.shares
    expect(at(0).dev).toBeCloseTo(0.05)
    expect(at(0).bundlers).toBeCloseTo(0.04)
    expect(at(25).cabal).toBeCloseTo(0.14)
    expect(at(25).snipers).toBeCloseTo(0.02)
    expect(at(30).snipers).toBeCloseTo(0.01) // s1 sold at +30
    expect(points.at(-1)!.shares.cabal).toBe(0)
  })

  it('refuses an unknown token', () => {
    expect(() => analyzeToken(graph, { token: 'NOPE' })).toThrow(UnknownTokenError)
  })
})

describe('the pipeline on simulator seeds', () => {
  it.each([
    [1, 'hard-rug'],
    [2, 'cabal'],
    [3, 'wash'],
  ] as const)('seed %i %s: entities and roles match the ground truth', (seed, scenario) => {
    const result = evaluateMarket(planMarket({ seed, scenario }))
    expect(result.entities.f1).toBeGreaterThanOrEqual(0.95)
    for (const [role, c] of Object.entries(result.roles)) {
      expect({ role, fp: c.fp, fn: c.fn }).toEqual({ role, fp: 0, fn: 0 })
    }
    expect(result.risk['300'].score).toBeGreaterThan(scenario === 'wash' ? 0 : 0.5)
    if (scenario === 'wash') expect(result.risk['300'].score).toBeLessThan(0.5)
  })
})
