import type { ConnectChainReturnType } from '@sextant/chain/clients/connectChain'
import type { Policy } from '@sextant/vault/policy/Policy'
import { createVault } from '@sextant/vault/sdk/createVault'
import type { Vault } from '@sextant/vault/sdk/Vault'
import { type Hex, parseEther } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'

/** The demo vault as `sextant up` stores it in its state: the Safe, its module and the agent's session key. */
export type StoredVault = Vault & { sessionKeyPrivateKey: Hex }

/**
 * Creates the demo world's vault on first start — a Safe v1.5.0 owned by the chain's dev account, the
 * SextantGuardModule with `policy`, a fresh session key for the agent — and funds the Safe (10 ETH) and the
 * session key (1 ETH for gas); or reuses `stored` while the chain still holds its Safe and module (resume).
 *
 * @example
 * const vault = await setupDemoVault(chain, { stored: state.vault, policy, say: console.log })
 */
export async function setupDemoVault(
  chain: ConnectChainReturnType,
  { stored, policy, say }: { stored: StoredVault | undefined; policy: Policy; say: (line: string) => void },
): Promise<StoredVault> {
  if (stored && stored.chainId === chain.chain.id) {
    const codes = await Promise.all(
      [stored.safe, stored.module].map((address) => chain.publicClient.getCode({ address })),
    )
    if (codes.every((code) => code !== undefined && code !== '0x')) {
      say(`reusing the agent's vault ${stored.safe}`)
      return stored
    }
  }
  say('creating the agent vault (Safe v1.5.0 + SextantGuardModule, policy, session key)')
  const sessionKeyPrivateKey = generatePrivateKey()
  const sessionKey = privateKeyToAccount(sessionKeyPrivateKey).address
  const vault = await createVault(chain, { owners: [chain.account], policy, sessionKey })
  for (const [to, value] of [
    [vault.safe, parseEther('10')],
    [sessionKey, parseEther('1')],
  ] as const) {
    const hash = await chain.walletClient.sendTransaction({ to, value })
    await chain.publicClient.waitForTransactionReceipt({ hash })
  }
  return {
    chainId: vault.chainId,
    safe: vault.safe,
    module: vault.module,
    deployBlock: vault.deployBlock,
    owners: vault.owners,
    threshold: vault.threshold,
    sessionKey,
    singletons: vault.singletons,
    sessionKeyPrivateKey,
  }
}
