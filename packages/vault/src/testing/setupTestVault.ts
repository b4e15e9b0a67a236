import { devPrivateKeys } from '@sextant/chain/anvil/devAccounts'
import { type ConnectChainReturnType, connectChain } from '@sextant/chain/clients/connectChain'
import { deployContract } from '@sextant/chain/deploy/deployContract'
import { wETH9Abi, wETH9Bytecode } from '@sextant/chain/generated/WETH9'
import { type Address, parseEther } from 'viem'
import { nonceManager, privateKeyToAccount } from 'viem/accounts'
import type { Policy } from '../policy/Policy.ts'
import { parsePolicy } from '../policy/parsePolicy.ts'
import { type CreateVaultReturnType, createVault } from '../sdk/createVault.ts'

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
}

/**
 * Test fixture: a fresh anvil, WETH9, and a vault (2-of-2 Safe, guard module, policy, session key) funded with
 * 10 ETH and 10 WETH. The policy allows alice and bob, 0.5 ETH / 0.5 WETH per payment, 1 ETH / 1 WETH per
 * rolling hour, co-signature above 0.2.
 *
 * @example
 * const t = await setupTestVault()
 * // … t.chain.close()
 */
export async function setupTestVault(
  overrides: { policyYaml?: (a: Record<string, Address>) => string } = {},
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
  const yaml = (overrides.policyYaml ?? defaultPolicy)({ weth, alice, bob, guardian: guardian.address })
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
  return { chain, vault, policy, weth, owners, guardian, agent, alice, bob, mallory }
}

function defaultPolicy(a: Record<string, Address>): string {
  return `version: 1
tokens:
  WETH: { address: "${a.weth}", decimals: 18 }
limits:
  ETH: { perTx: 0.5 ETH, windowCap: 1 ETH, window: 1h, approvalAbove: 0.2 ETH }
  WETH: { perTx: 0.5 WETH, windowCap: 1 WETH, window: 1h, approvalAbove: 0.2 WETH }
recipients:
  alice: "${a.alice}"
  bob: "${a.bob}"
sessionKey:
  validFor: 30d
  budget: { ETH: unlimited, WETH: unlimited }
guardians: ["${a.guardian}"]
timelock: 1d
`
}
