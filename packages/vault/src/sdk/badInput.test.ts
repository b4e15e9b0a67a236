import { iSextantGuardModuleAbi } from '@sextant/chain/generated/ISextantGuardModule'
import { encodeFunctionData, erc20Abi, parseEther } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApprovalStore } from '../approvals/openApprovalStore.ts'
import { signIntent } from '../approvals/signIntent.ts'
import { revertName } from '../chain/revertName.ts'
import { ApprovalError } from '../errors/VaultError.ts'
import { parsePolicy } from '../policy/parsePolicy.ts'
import { setupTestVault, type TestVault } from '../testing/setupTestVault.ts'
import { approve } from './approve.ts'
import { execute } from './execute.ts'
import { revokeSessionKey } from './revokeSessionKey.ts'
import { setPolicy } from './setPolicy.ts'

let t: TestVault
beforeAll(async () => {
  t = await setupTestVault()
})
afterAll(async () => t?.chain.close())

const safeBalance = () => t.chain.publicClient.getBalance({ address: t.vault.safe })
const mid = () =>
  encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [t.bob, parseEther('0.3')] })

describe('bad input moves nothing', () => {
  it('refuses co-signatures from non-owners, replayed or expired ones, and approvals by non-owners', async () => {
    const store = openApprovalStore({ path: ':memory:' })
    const vault = t.vault
    const request = { to: t.weth, value: 0n, data: mid() }
    const stranger = privateKeyToAccount(generatePrivateKey())
    const held = await execute(t.chain, { vault, sessionKey: t.agent, request, store })
    expect(held.status).toBe('needs-approval')
    await expect(approve(t.chain, { store, id: held.approvalId!, owner: stranger })).rejects.toThrow(
      ApprovalError,
    )
    expect(store.get(held.approvalId!).status).toBe('pending')

    const before = await safeBalance()
    const sign = (owner: typeof stranger, nonce: bigint, expiry: bigint) =>
      signIntent({
        owner,
        chainId: vault.chainId,
        safe: vault.safe,
        module: vault.module,
        sessionKey: t.agent.address,
        ...request,
        nonce,
        expiry,
      })
    const send = async (nonce: bigint, expiry: bigint, signature: `0x${string}`) => {
      const data = encodeFunctionData({
        abi: iSextantGuardModuleAbi,
        functionName: 'executeWithCoSignature',
        args: [request.to, request.value, request.data, nonce, expiry, signature],
      })
      try {
        await t.chain.publicClient.call({ account: t.agent.address, to: vault.module, data })
        return 'ok'
      } catch (error) {
        return revertName(error)
      }
    }
    const far = BigInt(Math.floor(Date.now() / 1000) + 3_600)
    expect(await send(5n, far, await sign(stranger, 5n, far))).toMatch(/InvalidCoSignature/)
    expect(await send(6n, 1n, await sign(t.owners[0]!, 6n, 1n))).toMatch(/CoSignatureExpired/)
    expect(await send(0n, far, await sign(t.owners[0]!, 0n, far))).toMatch(/CoSignatureReplayed/)
    // A signature bound to another call (different amount) does not verify for this one.
    const other = await signIntent({
      owner: t.owners[0]!,
      chainId: vault.chainId,
      safe: vault.safe,
      module: vault.module,
      sessionKey: t.agent.address,
      to: t.weth,
      value: 0n,
      data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [t.bob, 1n] }),
      nonce: 7n,
      expiry: far,
    })
    expect(await send(7n, far, other)).toMatch(/InvalidCoSignature/)

    const approved = await approve(t.chain, { store, id: held.approvalId!, owner: t.owners[1]! })
    expect(await send(approved.nonce!, approved.expiry!, approved.signature!)).toBe('ok')
    const paid = await execute(t.chain, {
      vault,
      sessionKey: t.agent,
      request,
      store,
      approvalId: held.approvalId!,
    })
    expect(paid.status).toBe('executed')
    expect(await send(approved.nonce!, approved.expiry!, approved.signature!)).toMatch(/CoSignatureReplayed/)
    expect(await safeBalance()).toBe(before) // only WETH moved, once

    let clock = 1_000
    const expiring = openApprovalStore({ path: ':memory:', now: () => clock })
    const old = await execute(t.chain, { vault, sessionKey: t.agent, request, store: expiring })
    clock += 86_401
    await expect(
      approve(t.chain, { store: expiring, id: old.approvalId!, owner: t.owners[0]! }),
    ).rejects.toThrow(/approval request is expired/)
  })

  it('queues loosening behind the timelock, applies tightening at once, and a revoked key moves nothing', async () => {
    const looser = parsePolicy(
      `version: 1\ntokens: { WETH: { address: "${t.weth}", decimals: 18 } }\nlimits:\n  ETH: { perTx: 5 ETH, windowCap: 10 ETH, window: 1h }\n  WETH: { perTx: 0.1 WETH, windowCap: 1 WETH, window: 1h, approvalAbove: 0.05 WETH }\nrecipients: { alice: "${t.alice}", bob: "${t.bob}" }\n`,
    )
    const { applied, queued } = await setPolicy(t.chain, { vault: t.vault, owners: t.owners, policy: looser })
    expect(applied).toHaveLength(1) // WETH caps lowered: immediate
    expect(queued).toHaveLength(1) // ETH caps raised: timelocked
    expect(queued[0]!.eta).toBeGreaterThan(BigInt(Math.floor(Date.now() / 1000) + 86_000))
    const rule = await t.chain.publicClient.readContract({
      address: t.vault.module,
      abi: iSextantGuardModuleAbi,
      functionName: 'tokenRule',
      args: ['0x0000000000000000000000000000000000000000'],
    })
    expect(rule.perTxCap).toBe(parseEther('0.5'))

    await revokeSessionKey(t.chain, {
      module: t.vault.module,
      key: t.agent.address,
      by: { guardian: t.guardian },
    })
    const before = await t.chain.publicClient.getBalance({ address: t.alice })
    const result = await execute(t.chain, {
      vault: t.vault,
      sessionKey: t.agent,
      request: { to: t.alice, value: 1n, data: '0x' },
    })
    expect(result.decision.rule).toBe('policy.InvalidSessionKey')
    expect(await t.chain.publicClient.getBalance({ address: t.alice })).toBe(before)
  })
})
