import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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
    const agent = { session: 'run-1', agent: 'treasury-agent' }
    const safeBefore = await balance(vault.safe)
    const supplierBefore = await balance(supplier)

    const paid = await source.pay({
      to: supplier,
      value: parseEther('0.1'),
      provenance: 'allowlist',
      ...agent,
    })
    expect(paid).toMatchObject({ decision: 'allow', rule: 'ok' })
    expect(safeBefore - (await balance(vault.safe))).toBe(parseEther('0.1'))

    const held = await source.pay({
      to: supplier,
      value: parseEther('0.9'),
      provenance: 'allowlist',
      ...agent,
    })
    expect(held).toMatchObject({ decision: 'needs-approval', rule: 'policy.CoSignatureRequired' })
    const [pending] = await source.approvals()
    expect(pending).toMatchObject({ id: held.approvalId, status: 'pending', value: '0.9', vault: vault.safe })
    const approved = await source.decide(held.approvalId!, 'approve')
    expect(approved).toMatchObject({ status: 'approved', txHash: expect.stringMatching(/^0x/) })
    expect((await balance(supplier)) - supplierBefore).toBe(parseEther('1'))
    await expect(source.decide(held.approvalId!, 'approve')).rejects.toThrow(/cannot approve/)

    const refused = await source.pay({
      to: supplier,
      value: parseEther('0.7'),
      provenance: 'allowlist',
      ...agent,
    })
    expect((await source.decide(refused.approvalId!, 'deny')).status).toBe('denied')
    const injected = await source.pay({
      to: attacker,
      value: parseEther('0.1'),
      provenance: 'untrusted',
      ...agent,
    })
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
    const audited = await log.readEvent(attempts[0]!.auditIndex!)
    expect(audited).toMatchObject({ 'sextant.payment.decision': 'deny' })
    await log.close()
  }, 60_000)
})
