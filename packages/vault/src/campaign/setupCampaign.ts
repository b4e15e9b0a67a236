import { devPrivateKeys } from '@sextant/chain/anvil/devAccounts'
import type { ConnectChainReturnType } from '@sextant/chain/clients/connectChain'
import { deployContract } from '@sextant/chain/deploy/deployContract'
import { mockPermit2Abi, mockPermit2Bytecode } from '@sextant/chain/generated/MockPermit2'
import { pullTargetAbi, pullTargetBytecode } from '@sextant/chain/generated/PullTarget'
import { reentererAbi, reentererBytecode } from '@sextant/chain/generated/Reenterer'
import { vaultTokenAbi, vaultTokenBytecode } from '@sextant/chain/generated/VaultToken'
import { wETH9Abi, wETH9Bytecode } from '@sextant/chain/generated/WETH9'
import { type Address, parseEther } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { moduleConstants } from '../policy/moduleConstants.ts'
import type { Policy } from '../policy/Policy.ts'
import { parsePolicy } from '../policy/parsePolicy.ts'
import { createVault } from '../sdk/createVault.ts'
import type { CampaignWorld } from './CampaignWorld.ts'

/** Return type of {@link setupCampaign}. */
export type SetupCampaignReturnType = {
  world: CampaignWorld
  policy: Policy
  owners: ReturnType<typeof privateKeyToAccount>[]
  sessionKey: ReturnType<typeof privateKeyToAccount>
}

/**
 * Builds the campaign's world on a chain: WETH9, a permit-capable token, a token without a rule, Permit2 (a
 * stand-in at the canonical address), a reentering recipient, a pulling DEX, a funded 2-of-2 vault.
 *
 * @example
 * const { world, sessionKey } = await setupCampaign(chain)
 */
export async function setupCampaign(chain: ConnectChainReturnType): Promise<SetupCampaignReturnType> {
  const keys = devPrivateKeys(10)
  const owners = [privateKeyToAccount(keys[1]!), privateKeyToAccount(keys[2]!)]
  const sessionKey = privateKeyToAccount(keys[7]!)
  const [alice, bob, mallory] = [4, 5, 6].map((i) => privateKeyToAccount(keys[i]!).address) as [
    Address,
    Address,
    Address,
  ]
  const wait = async (hash: Promise<`0x${string}`>) =>
    chain.publicClient.waitForTransactionReceipt({ hash: await hash })
  const weth = await deployContract(chain, { abi: wETH9Abi, bytecode: wETH9Bytecode })
  const vt = await deployContract(chain, { abi: vaultTokenAbi, bytecode: vaultTokenBytecode, args: ['VT'] })
  const stray = await deployContract(chain, {
    abi: vaultTokenAbi,
    bytecode: vaultTokenBytecode,
    args: ['STRAY'],
  })
  const reenterer = await deployContract(chain, { abi: reentererAbi, bytecode: reentererBytecode })
  const pullTarget = await deployContract(chain, { abi: pullTargetAbi, bytecode: pullTargetBytecode })
  const mock = await deployContract(chain, { abi: mockPermit2Abi, bytecode: mockPermit2Bytecode })
  const code = await chain.publicClient.getCode({ address: mock })
  await chain.publicClient.request({
    method: 'anvil_setCode' as never,
    params: [moduleConstants.permit2, code] as never,
  })
  const policy = parsePolicy(`version: 1
tokens:
  WETH: { address: "${weth}", decimals: 18 }
  VT: { address: "${vt}", decimals: 18 }
limits:
  ETH: { perTx: 0.5 ETH, windowCap: 1 ETH, window: 1h, approvalAbove: 0.2 ETH }
  WETH: { perTx: 0.5 WETH, windowCap: 1 WETH, window: 1h, approvalAbove: 0.2 WETH }
  VT: { perTx: 0.5 VT, windowCap: 1 VT, window: 1h, approvalAbove: 0.2 VT }
recipients: { alice: "${alice}", bob: "${bob}", reenterer: "${reenterer}" }
sessionKey:
  validFor: 3650d
  rateLimit: 64 per 1h
  budget: { ETH: unlimited, WETH: unlimited, VT: unlimited }
timelock: 1d
`)
  const vault = await createVault(chain, { owners, policy, sessionKey: sessionKey.address })
  await wait(chain.walletClient.sendTransaction({ to: vault.safe, value: parseEther('1000') }))
  await wait(
    chain.walletClient.writeContract({
      address: weth,
      abi: wETH9Abi,
      functionName: 'deposit',
      value: parseEther('1000'),
    }),
  )
  await wait(
    chain.walletClient.writeContract({
      address: weth,
      abi: wETH9Abi,
      functionName: 'transfer',
      args: [vault.safe, parseEther('1000')],
    }),
  )
  for (const token of [vt, stray]) {
    await wait(
      chain.walletClient.writeContract({
        address: token,
        abi: vaultTokenAbi,
        functionName: 'mint',
        args: [vault.safe, parseEther('1000')],
      }),
    )
  }
  await wait(chain.walletClient.sendTransaction({ to: sessionKey.address, value: parseEther('1000') }))
  const world: CampaignWorld = {
    safe: vault.safe,
    module: vault.module,
    multiSend: vault.singletons.multiSendCallOnly,
    weth,
    vt,
    stray,
    permit2: moduleConstants.permit2,
    alice,
    bob,
    reenterer,
    pullTarget,
    attackers: [
      mallory,
      '0x000000000000000000000000000000000000dEaD',
      '0x1111111111111111111111111111111111111111',
    ],
    owners: vault.owners,
  }
  return { world, policy, owners, sessionKey }
}
