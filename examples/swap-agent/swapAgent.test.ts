import { parseEther } from 'viem'
import { describe, expect, it } from 'vitest'
import { runSwapExample } from './swapAgent.ts'

describe('swap agent example', () => {
  it("swaps within the vault's WETH budget on the policy's pair, holds the newsletter's tip, refuses what breaks the budget", async () => {
    const { result, replayOk, balances, held } = await runSwapExample()
    expect(result.status).toBe('done')
    expect(result.payments.map((p) => [p.kind, p.decision, p.rule])).toEqual([
      ['swap', 'allow', 'ok'],
      ['swap', 'needs-approval', 'provenance.amount'],
      ['swap', 'deny', 'policy.WindowCapExceeded'],
    ])
    const [swapped, tip, overBudget] = result.payments
    expect(swapped!.value).toBe(parseEther('0.4'))
    expect(swapped!.txHash).toMatch(/^0x[0-9a-f]{64}$/)
    expect(swapped!.provenance).toMatchObject({ amountIn: 'user', tokenIn: 'tool', tokenOut: 'tool' })
    expect(tip!.provenance).toMatchObject({ amountIn: 'untrusted' })
    expect(tip!.txHash).toBeUndefined()
    expect(overBudget!.reason).toMatch(/above the window cap of 0\.6 WETH/)
    expect(held).toBe(1)
    // Only the user's first swap moved funds: 0.4 WETH out, at least the 760 VT asked for in.
    expect(balances.before.WETH - balances.after.WETH).toBe(parseEther('0.4'))
    expect(balances.after.VT - balances.before.VT).toBeGreaterThanOrEqual(parseEther('760'))
    expect(replayOk).toBe(true)
  })
})
