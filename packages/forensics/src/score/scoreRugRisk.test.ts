import { describe, expect, it } from 'vitest'
import { analyzeToken } from '../detect/analyzeToken.ts'
import { buildTestMarket } from '../detect/testing/buildTestMarket.ts'
import { UnknownTokenError } from '../errors/AnalysisError.ts'
import { buildWalletGraph } from '../graph/buildWalletGraph.ts'
import { createEventBuilder, UNIT } from '../graph/testing/createEventBuilder.ts'
import { rugRiskAt } from './rugRiskAt.ts'
import { scoreRugRisk } from './scoreRugRisk.ts'

describe('rug-risk score', () => {
  const { events } = buildTestMarket()

  it('shows its evidence signal by signal and adds up', () => {
    const graph = buildWalletGraph({ events })
    const risk = scoreRugRisk(graph, { analysis: analyzeToken(graph, { token: 'T' }) })
    const byName = Object.fromEntries(risk.signals.map((s) => [s.name, s]))
    expect(byName.devSideShare!.value).toBeCloseTo(0.12) // dev 5% + bundler 4% + insider 3%
    expect(byName.devSideShare!.evidence).toMatch(
      /dev dev and 2 wallet\(s\) of its side hold 12.0% of supply/,
    )
    expect(byName.bundleShare!.evidence).toContain('1 wallet(s) bought 4.0% of supply in the creation block')
    expect(byName.cabalSold!.value).toBe(1)
    const logit = risk.bias + risk.signals.reduce((a, s) => a + s.contribution, 0)
    expect(risk.score).toBeCloseTo(1 / (1 + Math.exp(-logit)))
    for (const s of risk.signals) expect(s.contribution).toBeCloseTo(s.weight * Math.min(s.value, s.cap))
  })

  it('scores as of a moment with nothing from the future', () => {
    const at60 = rugRiskAt({ events, token: 'T', secondsAfterLaunch: 60 })
    const at400 = rugRiskAt({ events, token: 'T', secondsAfterLaunch: 400 })
    const cabalSold = (r: typeof at60) => r.signals.find((s) => s.name === 'cabalSold')!.value
    expect(at60.secondsAfterLaunch).toBe(60)
    expect(cabalSold(at60)).toBe(0) // the cabal dumps 290 s after launch
    expect(cabalSold(at400)).toBe(1)
    const cabalShare = (r: typeof at60) => r.signals.find((s) => s.name === 'cabalShare')!.value
    expect(cabalShare(at60)).toBeCloseTo(0.14)
    expect(cabalShare(at400)).toBe(0)
  })

  it('an honest launch scores low; a pulled pool counts', () => {
    const b = createEventBuilder()
    b.fund(0, 'root', 'cex', 1000n * UNIT)
    for (let i = 0; i < 30; i++) b.fund(1, 'cex', `o${i}`)
    b.launch(10, 'dev')
    for (let i = 0; i < 30; i++) b.buy(20 + i * 37, `o${i}`, 2_000_000n * UNIT)
    const honest = rugRiskAt({ events: b.events, token: 'T', secondsAfterLaunch: 1200 })
    expect(honest.level).toBe('low')
    b.removeLiquidity(1300, 'dev')
    const pulled = rugRiskAt({ events: b.events, token: 'T', secondsAfterLaunch: 1300 })
    expect(pulled.signals.find((s) => s.name === 'liquidityRemoved')!.value).toBe(1)
    expect(pulled.score).toBeGreaterThan(honest.score)
  })

  it('refuses a token without a launch', () => {
    expect(() => rugRiskAt({ events, token: 'NOPE', secondsAfterLaunch: 60 })).toThrow(UnknownTokenError)
  })
})
