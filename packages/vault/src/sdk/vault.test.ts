import { encodeFunctionData, erc20Abi, parseEther } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApprovalStore } from '../approvals/openApprovalStore.ts'
import { openTestAuditLog } from '../testing/openTestAuditLog.ts'
import { setupTestVault, type TestVault } from '../testing/setupTestVault.ts'
import { approve } from './approve.ts'
import { execute } from './execute.ts'
import { pause } from './pause.ts'

let t: TestVault
beforeAll(async () => {
  t = await setupTestVault()
})
afterAll(async () => t?.chain.close())

const balanceOf = (address: `0x${string}`) => t.chain.publicClient.getBalance({ address })
const user = { recipient: 'user', amount: 'user', token: 'user' } as const

describe('vault SDK on anvil', () => {
  it('executes an allowed payment, denies one over the cap, holds one above the threshold until an owner co-signs', async () => {
    const store = openApprovalStore({ path: ':memory:' })
    const log = await openTestAuditLog()
    const vault = t.vault
    const before = await balanceOf(t.alice)
    const ok = await execute(t.chain, {
      vault,
      sessionKey: t.agent,
      request: { to: t.alice, value: parseEther('0.1'), data: '0x', provenance: user },
      store,
      log,
    })
    expect(ok.status).toBe('executed')
    expect(ok.decision.simulation?.balanceChanges).toEqual([
      { token: '0x0000000000000000000000000000000000000000', delta: -parseEther('0.1') },
    ])
    expect((await balanceOf(t.alice)) - before).toBe(parseEther('0.1'))

    const data = encodeFunctionData({
      abi: erc20Abi,
      functionName: 'transfer',
      args: [t.bob, parseEther('0.6')],
    })
    const big = await execute(t.chain, {
      vault,
      sessionKey: t.agent,
      request: { to: t.weth, value: 0n, data, provenance: user },
      store,
      log,
    })
    expect(big.status).toBe('denied')
    expect(big.decision.rule).toBe('policy.PerTxCapExceeded')

    const mid = encodeFunctionData({
      abi: erc20Abi,
      functionName: 'transfer',
      args: [t.bob, parseEther('0.3')],
    })
    const held = await execute(t.chain, {
      vault,
      sessionKey: t.agent,
      request: { to: t.weth, value: 0n, data: mid, provenance: user },
      store,
      log,
    })
    expect(held).toMatchObject({ status: 'needs-approval', approvalId: 1 })
    expect(held.decision.rule).toBe('policy.CoSignatureRequired')
    await approve(t.chain, { store, id: 1, owner: t.owners[0]! })
    const paid = await execute(t.chain, {
      vault,
      sessionKey: t.agent,
      request: { to: t.weth, value: 0n, data: mid },
      store,
      log,
      approvalId: 1,
    })
    expect(paid.status).toBe('executed')
    expect(store.get(1).status).toBe('executed')
    // The co-signature is single use: replaying the same approval is refused.
    await expect(
      execute(t.chain, {
        vault,
        sessionKey: t.agent,
        request: { to: t.weth, value: 0n, data: mid },
        store,
        log,
        approvalId: 1,
      }),
    ).rejects.toThrow(/approval request is executed/)

    const untrusted = await execute(t.chain, {
      vault,
      sessionKey: t.agent,
      request: {
        to: t.alice,
        value: 1n,
        data: '0x',
        provenance: { recipient: 'untrusted', amount: 'user', token: 'user' },
      },
      store,
      log,
    })
    expect(untrusted.status).toBe('executed') // alice is allowlisted, so a recipient from a web page is fine
    const injected = await execute(t.chain, {
      vault,
      sessionKey: t.agent,
      request: {
        to: t.alice,
        value: 1n,
        data: '0x',
        provenance: { recipient: 'user', amount: 'untrusted', token: 'user' },
      },
      store,
      log,
    })
    expect(injected).toMatchObject({ status: 'needs-approval' })
    expect(injected.decision.rule).toBe('provenance.amount')

    const event = await log.readEvent(big.audit!.index)
    expect(event).toMatchObject({
      'sextant.payment.decision': 'deny',
      'sextant.payment.rule': 'policy.PerTxCapExceeded',
    })
    expect(big.audit!.receipt).toMatch(/^c2sp.org\/tlog-proof@v1/)

    await pause(t.chain, { module: vault.module, by: { guardian: t.guardian } })
    const paused = await execute(t.chain, {
      vault,
      sessionKey: t.agent,
      request: { to: t.alice, value: 1n, data: '0x', provenance: user },
      store,
      log,
    })
    expect(paused.decision.rule).toBe('policy.Paused')
    await log.close()
  })
})
