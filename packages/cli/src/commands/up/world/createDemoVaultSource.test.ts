import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Provenance } from '@sextant/agent/taint/Provenance'
import { devPrivateKeys } from '@sextant/chain/anvil/devAccounts'
import { type ConnectChainReturnType, connectChain } from '@sextant/chain/clients/connectChain'
import { openApprovalStore } from '@sextant/vault/approvals/openApprovalStore'
import { parsePolicy } from '@sextant/vault/policy/parsePolicy'
import { openTestAuditLog } from '@sextant/vault/testing/openTestAuditLog'
import { parseEther } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDemoVaultSource } from './createDemoVaultSource.ts'
import { demoPolicyYaml } from './demoPolicyYaml.ts'
import { setupDemoVault } from './setupDemoVault.ts'

const dir = mkdtempSync(join(tmpdir(), 'sextant-up-vault-'))
let chain: ConnectChainReturnType
beforeAll(async () => {
  chain = await connectChain()
})
afterAll(async () => {
  await chain?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('the up world vault', () => {
  it('pays through the Safe, holds big payments for the owner, refuses injected recipients', async () => {
    const supplier = privateKeyToAccount(devPrivateKeys(3)[2]!).address
    const attacker = '0x000000000000000000000000000000000000dEaD' as const
    const policy = parsePolicy(demoPolicyYaml({ supplier }))
    const vault = await setupDemoVault(chain, { stored: undefined, policy, say: () => {} })
    expect(await setupDemoVault(chain, { stored: vault, policy, say: () => {} })).toBe(vault)
    const store = openApprovalStore({ path: ':memory:' })
    const log = await openTestAuditLog()
    const source = createDemoVaultSource({
      chain,
      vault,
      policy,
      store,
      log,
      attemptsPath: join(dir, 'attempts.json'),
    })
    const balance = (address: `0x${string}`) => chain.publicClient.getBalance({ address })
    const guard = source.guardFor({ agentId: 'treasury-agent', sessionId: 'run-1' })
    // What the agent runtime hands the guard: each value with the provenance derived from what it read.
    const pay = (to: `0x${string}`, eth: string, recipient: Provenance) =>
      guard.transfer({
        to: { value: to, provenance: recipient, sources: recipient === 'user' ? [] : ['call_0_0:tool'] },
        amount: { value: parseEther(eth), provenance: 'user', sources: [] },
      })
    const safeBefore = await balance(vault.safe)
    const supplierBefore = await balance(supplier)

    const paid = await pay(supplier, '0.1', 'tool')
    expect(paid).toMatchObject({ decision: 'allow', rule: 'ok' })
    expect(safeBefore - (await balance(vault.safe))).toBe(parseEther('0.1'))

    const held = await pay(supplier, '0.9', 'tool')
    expect(held).toMatchObject({ decision: 'needs-approval', rule: 'policy.CoSignatureRequired' })
    const [pending] = await source.approvals()
    expect(pending).toMatchObject({ id: held.approvalId, status: 'pending', value: '0.9', vault: vault.safe })
    const approved = await source.decide(held.approvalId!, 'approve')
    expect(approved).toMatchObject({ status: 'approved', txHash: expect.stringMatching(/^0x/) })
    expect((await balance(supplier)) - supplierBefore).toBe(parseEther('1'))
    await expect(source.decide(held.approvalId!, 'approve')).rejects.toThrow(/cannot approve/)

    const refused = await pay(supplier, '0.7', 'tool')
    expect((await source.decide(refused.approvalId!, 'deny')).status).toBe('denied')
    const injected = await pay(attacker, '0.1', 'untrusted')
    expect(injected).toMatchObject({ decision: 'deny', rule: 'policy.RecipientNotAllowed' })
    expect(await balance(attacker)).toBe(0n)
    expect((await balance(supplier)) - supplierBefore).toBe(parseEther('1'))

    const [overview] = await source.vaults()
    expect(overview!.windows[0]).toMatchObject({ cap: '2', used: '1', windowSeconds: 600 })
    const attempts = await source.attempts()
    expect(attempts.map((a) => a.decision)).toEqual([
      'deny',
      'needs-approval',
      'allow',
      'needs-approval',
      'allow',
    ])
    // The agent's attempts name its session; a held one names its request, and the payment the owner
    // co-signed on the dashboard is filed under the same agent session (not a session of its own).
    expect(attempts[0]).toMatchObject({ session: 'run-1', to: attacker, value: '0.1', asset: 'ETH' })
    expect(attempts[3]).toMatchObject({ session: 'run-1', approvalId: held.approvalId })
    expect(attempts[2]).toMatchObject({
      session: 'run-1',
      agent: 'treasury-agent',
      approvalId: held.approvalId,
    })
    const audited = await log.readEvent(attempts[2]!.auditIndex!)
    expect(audited).toMatchObject({
      'sextant.payment.decision': 'allow',
      'sextant.payment.rule': 'approved',
      'gen_ai.agent.id': 'treasury-agent',
      'gen_ai.conversation.id': 'run-1',
      attributes: {
        'sextant.vault.approval_id': Number(held.approvalId),
        'sextant.vault.approved_by': chain.account.address,
      },
    })
    await log.close()
  }, 60_000)
})
