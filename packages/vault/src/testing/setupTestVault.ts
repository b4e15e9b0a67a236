import { devPrivateKeys } from '@sextant/chain/anvil/devAccounts'
import { type ConnectChainReturnType, connectChain } from '@sextant/chain/clients/connectChain'
import { deployContract } from '@sextant/chain/deploy/deployContract'
import { vaultTokenAbi } from '@sextant/chain/generated/VaultToken'
import { wETH9Abi, wETH9Bytecode } from '@sextant/chain/generated/WETH9'
import { type Address, parseEther } from 'viem'
import { nonceManager, privateKeyToAccount } from 'viem/accounts'
import type { Policy } from '../policy/Policy.ts'
import { parsePolicy } from '../policy/parsePolicy.ts'
import { type CreateVaultReturnType, createVault } from '../sdk/createVault.ts'
import { deploySwapPair, type SwapPairDeployment } from './deploySwapPair.ts'

/** Return type of {@link setupTestVault}. */
export type TestVault = {
  chain: ConnectChainReturnType
  vault: CreateVaultReturnType
  policy: Policy
  /** A real ERC-20 (WETH9) the policy names `WETH`. */
  weth: Address
  owners: ReturnType<typeof privateKeyToAccount>[]
  guardian: ReturnType<typeof privateKeyToAccount>
  agent: ReturnType<typeof privateKeyToAccount>
  alice: Address
  bob: Address
  mallory: Address
  /** With `swapPair`: Uniswap V2's factory, the WETH/VT pair and the VT token. */
  swap?: SwapPairDeployment
}

/**
 * Test fixture: a fresh anvil, WETH9, and a vault (2-of-2 Safe, guard module, policy, session key) funded with
 * 10 ETH and 10 WETH. The policy allows alice and bob, 0.5 ETH / 0.5 WETH per payment, 1 ETH / 1 WETH per
 * rolling hour, co-signature above 0.2. With `swapPair`, also a WETH/VT Uniswap V2 pair (100 WETH : 200,000 VT),
 * 1,000 VT in the Safe, and the default policy adds VT (1,000 per payment, 2,000 per hour) and the pair under
 * `swaps` (`policyYaml` then also gets `vt` and `pair`).
 *
 * @example
 * const t = await setupTestVault()
 * // … t.chain.close()
 */
export async function setupTestVault(
  overrides: { policyYaml?: (a: Record<string, Address>) => string; swapPair?: boolean } = {},
): Promise<TestVault> {
  const chain = await connectChain()
  const keys = devPrivateKeys(8)
  const owners = [privateKeyToAccount(keys[1]!), privateKeyToAccount(keys[2]!)]
  const guardian = privateKeyToAccount(keys[3]!)
  const agent = privateKeyToAccount(keys[7]!, { nonceManager })
  const [alice, bob, mallory] = [4, 5, 6].map((i) => privateKeyToAccount(keys[i]!).address) as [
    Address,
    Address,
    Address,
  ]
  const weth = await deployContract(chain, { abi: wETH9Abi, bytecode: wETH9Bytecode })
  const swap = overrides.swapPair ? await deploySwapPair(chain, { weth }) : undefined
  const yaml = (overrides.policyYaml ?? defaultPolicy)({
    weth,
    alice,
    bob,
    guardian: guardian.address,
    ...(swap ? { vt: swap.token, pair: swap.pair } : {}),
  })
  const policy = parsePolicy(yaml)
  const vault = await createVault(chain, { owners, policy, sessionKey: agent.address })
  const fund = async (hash: Promise<`0x${string}`>) =>
    chain.publicClient.waitForTransactionReceipt({ hash: await hash })
  await fund(chain.walletClient.sendTransaction({ to: vault.safe, value: parseEther('10') }))
  await fund(
    chain.walletClient.writeContract({
      address: weth,
      abi: wETH9Abi,
      functionName: 'deposit',
      value: parseEther('10'),
    }),
  )
  await fund(
    chain.walletClient.writeContract({
      address: weth,
      abi: wETH9Abi,
      functionName: 'transfer',
      args: [vault.safe, parseEther('10')],
    }),
  )
  await fund(chain.walletClient.sendTransaction({ to: agent.address, value: parseEther('100') }))
  if (swap) {
    await fund(
      chain.walletClient.writeContract({
        address: swap.token,
        abi: vaultTokenAbi,
        functionName: 'mint',
        args: [vault.safe, parseEther('1000')],
      }),
    )
  }
  return {
    chain,
    vault,
    policy,
    weth,
    owners,
    guardian,
    agent,
    alice,
    bob,
    mallory,
    ...(swap ? { swap } : {}),
  }
}

function defaultPolicy(a: Record<string, Address>): string {
  const vt = a.pair
    ? {
        token: `\n  VT: { address: "${a.vt}", decimals: 18 }`,
        limits: '\n  VT: { perTx: 1000 VT, windowCap: 2000 VT, window: 1h }',
        swaps: `\nswaps:\n  WETH-VT: "${a.pair}"`,
        budget: ', VT: unlimited',
      }
    : { token: '', limits: '', swaps: '', budget: '' }
  return `version: 1
tokens:
  WETH: { address: "${a.weth}", decimals: 18 }${vt.token}
limits:
  ETH: { perTx: 0.5 ETH, windowCap: 1 ETH, window: 1h, approvalAbove: 0.2 ETH }
  WETH: { perTx: 0.5 WETH, windowCap: 1 WETH, window: 1h, approvalAbove: 0.2 WETH }${vt.limits}
recipients:
  alice: "${a.alice}"
  bob: "${a.bob}"${vt.swaps}
sessionKey:
  validFor: 30d
  budget: { ETH: unlimited, WETH: unlimited${vt.budget} }
guardians: ["${a.guardian}"]
timelock: 1d
`
}
