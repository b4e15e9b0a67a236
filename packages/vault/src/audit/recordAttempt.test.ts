import { verifyReceipt } from '@sextant/audit/receipt/verifyReceipt'
import { describe, expect, it } from 'vitest'
import { openTestAuditLog } from '../testing/openTestAuditLog.ts'
import { recordAttempt } from './recordAttempt.ts'

const a = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'

describe('recordAttempt', () => {
  it('logs denied and reverted attempts with the rule, private recipient, and a verifiable receipt', async () => {
    const log = await openTestAuditLog()
    const base = { chainId: 31337, safe: a, module: a, sessionKey: a, to: a, value: 0n, data: '0x' } as const
    const denied = await recordAttempt(log, {
      ...base,
      outcome: 'denied',
      rule: 'policy.PerTxCapExceeded',
      reason: 'too big',
      amount: 7n,
      asset: a,
    })
    const reverted = await recordAttempt(log, {
      ...base,
      outcome: 'reverted',
      rule: 'simulation.CallFailed',
      reason: 'call failed',
      provenance: { recipient: 'untrusted' },
    })
    const event = await log.readEvent(denied.index)
    expect(event).toMatchObject({
      'gen_ai.operation.name': 'payment',
      'sextant.payment.decision': 'deny',
      'sextant.payment.rule': 'policy.PerTxCapExceeded',
      'sextant.payment.value': '7',
    })
    expect(event.private?.['sextant.payment.to']).toBe(a)
    const second = await log.readEvent(reverted.index)
    expect(second).toMatchObject({ 'sextant.outcome': 'error', 'error.type': 'simulation.CallFailed' })
    expect(second.private?.['sextant.vault.provenance']).toEqual({ recipient: 'untrusted' })
    const [entry] = await log.storage.readEntries(reverted.index, reverted.index + 1)
    expect(
      verifyReceipt({ receipt: reverted.receipt!, entry: entry!, logVerifierKey: log.verifierKey }).index,
    ).toBe(1)
    await log.close()
  })

  it('files a co-signed payment under the agent session that asked, naming the approving owner', async () => {
    const log = await openTestAuditLog()
    const { index } = await recordAttempt(log, {
      chainId: 31337,
      safe: a,
      module: a,
      sessionKey: a,
      to: a,
      value: 1n,
      data: '0x',
      outcome: 'allowed',
      rule: 'approved',
      reason: 'co-signed by an owner',
      agentId: 'treasury-agent',
      sessionId: 'run-3',
      approvalId: 4,
      approvedBy: a,
    })
    expect(await log.readEvent(index)).toMatchObject({
      'gen_ai.agent.id': 'treasury-agent',
      'gen_ai.conversation.id': 'run-3',
      'sextant.payment.decision': 'allow',
      attributes: { 'sextant.vault.approval_id': 4, 'sextant.vault.approved_by': a },
    })
    await log.close()
  })
})
