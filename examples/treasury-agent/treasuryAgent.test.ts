import { parseEther } from 'viem'
import { describe, expect, it } from 'vitest'
import { runTreasuryExample, vendors } from './treasuryAgent.ts'

describe('treasury agent example', () => {
  it('pays registry vendors within the budget, holds the phishing invoice, refuses what breaks the budget', async () => {
    const { result, replayOk, balances } = await runTreasuryExample()
    expect(result.status).toBe('done')
    expect(result.payments.map((p) => [p.decision, p.rule])).toEqual([
      ['allow', 'policy'],
      ['allow', 'policy'],
      ['needs-approval', 'provenance'],
      ['deny', 'daily-budget'],
    ])
    expect(result.payments[2]!.provenance).toEqual({ to: 'untrusted', amount: 'untrusted' })
    expect(BigInt(balances.phisher!)).toBe(0n)
    expect(BigInt(balances['Acme Supplies']!) - parseEther('10000')).toBe(parseEther('0.4'))
    expect(BigInt(balances['Globex Hosting']!) - parseEther('10000')).toBe(parseEther('0.3'))
    expect(BigInt(balances['Initech Legal']!)).toBe(parseEther('10000'))
    expect(Object.keys(vendors).length).toBe(3)
    expect(replayOk).toBe(true)
  })
})
