import { iSextantGuardModuleAbi } from '@sextant/chain/generated/ISextantGuardModule'
import {
  type Address,
  decodeFunctionData,
  encodeFunctionData,
  erc20Abi,
  getAddress,
  type Hex,
  parseAbi,
  parseEther,
} from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { revertName } from '../chain/revertName.ts'
import { encodeMultiSend } from '../decode/encodeMultiSend.ts'
import { parsePolicy } from '../policy/parsePolicy.ts'
import { setupTestVault, type TestVault } from '../testing/setupTestVault.ts'
import { execute } from './execute.ts'
import { setPolicy } from './setPolicy.ts'

type Parts = { bob: boolean; withdraw: boolean; wethLimit: boolean }
const all: Parts = { bob: true, withdraw: true, wethLimit: true }

/** The test vault's policy, with bob as a payee, WETH `withdraw` allowlisted and WETH's limits, each optional. */
function policyYaml(a: Record<string, Address>, parts: Parts): string {
  return `version: 1
tokens:
  WETH: { address: "${a.weth}", decimals: 18 }
limits:
  ETH: { perTx: 0.5 ETH, windowCap: 1 ETH, window: 1h, approvalAbove: 0.2 ETH }
${parts.wethLimit ? '  WETH: { perTx: 0.5 WETH, windowCap: 1 WETH, window: 1h, approvalAbove: 0.2 WETH }\n' : ''}recipients:
  alice: "${a.alice}"
${parts.bob ? `  bob: "${a.bob}"\n` : ''}${parts.withdraw ? `calls:\n  - target: "${a.weth}"\n    function: withdraw(uint256 wad)\n    conditions:\n      - { arg: wad, lte: 0.1 WETH }\n` : ''}sessionKey:
  validFor: 30d
  budget: { ETH: unlimited, WETH: unlimited }
guardians: ["${a.guardian}"]
timelock: 1d
`
}

let t: TestVault
let addresses: Record<string, Address>
beforeAll(async () => {
  t = await setupTestVault({
    policyYaml: (a) => {
      addresses = a
      return policyYaml(a, all)
    },
  })
})
afterAll(async () => t?.chain.close())

const user = { recipient: 'user', amount: 'user', token: 'user' } as const
const apply = (parts: Parts) =>
  setPolicy(t.chain, { vault: t.vault, owners: t.owners, policy: parsePolicy(policyYaml(addresses, parts)) })
const names = (calls: Hex[]) =>
  calls.map((data) => {
    const { functionName, args } = decodeFunctionData({ abi: iSextantGuardModuleAbi, data })
    return [functionName, ...(args ?? [])]
  })
const pay = (to: Address, value: bigint, data: Hex) =>
  execute(t.chain, { vault: t.vault, sessionKey: t.agent, request: { to, value, data, provenance: user } })
const wethAbi = parseAbi(['function withdraw(uint256 wad)'])
const withdraw = () =>
  encodeFunctionData({ abi: wethAbi, functionName: 'withdraw', args: [parseEther('0.05')] })
const wethTo = (to: Address) =>
  encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [to, parseEther('0.1')] })

/** The agent's own `module.execute`, sent straight to the chain (no SDK pre-flight): its revert, and the tx mined. */
async function agentSendsDirectly(to: Address, value: bigint, data: Hex): Promise<string> {
  const call = encodeFunctionData({
    abi: iSextantGuardModuleAbi,
    functionName: 'execute',
    args: [to, value, data],
  })
  let refused = 'none'
  try {
    await t.chain.publicClient.call({ account: t.agent.address, to: t.vault.module, data: call })
  } catch (error) {
    refused = revertName(error)
  }
  const hash = await t.chain.walletClient.sendTransaction({
    account: t.agent,
    to: t.vault.module,
    data: call,
    gas: 1_000_000n,
    chain: t.chain.walletClient.chain,
  })
  const receipt = await t.chain.publicClient.waitForTransactionReceipt({ hash })
  expect(receipt.status).toBe('reverted')
  return refused
}

describe('setPolicy converges the module to the policy file', () => {
  it('removes dropped payees and functions at once; the agent can no longer use them, by any route', async () => {
    expect((await pay(t.bob, parseEther('0.1'), '0x')).status).toBe('executed')
    expect((await pay(addresses.weth!, 0n, withdraw())).status).toBe('executed')

    const { applied, queued } = await apply({ ...all, bob: false, withdraw: false })
    expect(names(applied)).toEqual([
      ['setRecipient', t.bob, false],
      ['removeTargetFunction', getAddress(addresses.weth!), '0x2e1a7d4d'],
    ])
    expect(queued).toEqual([])
    expect(
      await t.chain.publicClient.readContract({
        address: t.vault.module,
        abi: iSextantGuardModuleAbi,
        functionName: 'isRecipient',
        args: [t.bob],
      }),
    ).toBe(false)

    expect((await pay(t.bob, parseEther('0.1'), '0x')).decision.rule).toBe('policy.RecipientNotAllowed')
    expect((await pay(addresses.weth!, 0n, withdraw())).decision.rule).toBe('policy.SelectorDenied')

    const bobEth = await t.chain.publicClient.getBalance({ address: t.bob })
    const weth = addresses.weth!
    const bobWeth = () =>
      t.chain.publicClient.readContract({
        address: weth,
        abi: erc20Abi,
        functionName: 'balanceOf',
        args: [t.bob],
      })
    const wethBefore = await bobWeth()
    const approveBob = encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [t.bob, 1n] })
    const nested = encodeMultiSend([
      { to: t.alice, value: 1n, data: '0x' },
      {
        to: t.vault.singletons.multiSendCallOnly,
        value: 0n,
        data: encodeMultiSend([{ to: t.bob, value: 1n, data: '0x' }]),
      },
    ])
    expect(await agentSendsDirectly(t.bob, 1n, '0x')).toBe('RecipientNotAllowed')
    expect(await agentSendsDirectly(weth, 0n, wethTo(t.bob))).toBe('RecipientNotAllowed')
    expect(await agentSendsDirectly(weth, 0n, approveBob)).toBe('RecipientNotAllowed')
    expect(await agentSendsDirectly(t.vault.singletons.multiSendCallOnly, 0n, nested)).toBe(
      'RecipientNotAllowed',
    )
    expect(await agentSendsDirectly(weth, 0n, withdraw())).toBe('SelectorDenied')
    const reAdd = encodeFunctionData({
      abi: iSextantGuardModuleAbi,
      functionName: 'setRecipient',
      args: [t.bob, true],
    })
    expect(await agentSendsDirectly(t.vault.module, 0n, reAdd)).toBe('SelfCallDenied')
    expect(await t.chain.publicClient.getBalance({ address: t.bob })).toBe(bobEth)
    expect(await bobWeth()).toBe(wethBefore)
    expect(
      await t.chain.publicClient.readContract({
        address: weth,
        abi: erc20Abi,
        functionName: 'allowance',
        args: [t.vault.safe, t.bob],
      }),
    ).toBe(0n)

    // applying the same file again changes nothing; alice (still listed) is still paid
    expect(await apply({ ...all, bob: false, withdraw: false })).toEqual({ applied: [], queued: [] })
    expect((await pay(t.alice, parseEther('0.1'), '0x')).status).toBe('executed')
  })

  it('removes a dropped token rule at once, and puts dropped rules back only through the timelock', async () => {
    const { applied } = await apply({ bob: false, withdraw: false, wethLimit: false })
    expect(names(applied)).toEqual([['removeTokenRule', getAddress(addresses.weth!)]])
    expect(await agentSendsDirectly(addresses.weth!, 0n, wethTo(t.alice))).toBe('TokenNotAllowed')

    const back = await apply(all)
    expect(back.applied).toEqual([])
    expect(names(back.queued.map((q) => q.change)).map(([name]) => name)).toEqual([
      'setTokenRule',
      'setRecipient',
      'setTargetFunction',
    ])
    expect((await pay(t.bob, 1n, '0x')).decision.rule).toBe('policy.RecipientNotAllowed')
  })
})
