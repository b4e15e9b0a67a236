import type { ConnectChainReturnType } from '@sextant/chain/clients/connectChain'
import { iSextantGuardModuleAbi } from '@sextant/chain/generated/ISextantGuardModule'
import { mockPermit2Abi } from '@sextant/chain/generated/MockPermit2'
import { safeAbi } from '@sextant/chain/generated/Safe'
import { type Address, erc20Abi, isAddressEqual } from 'viem'
import type { Policy } from '../policy/Policy.ts'
import { NATIVE_TOKEN } from '../policy/TokenInfo.ts'
import type { CampaignWorld } from './CampaignWorld.ts'

/** A spend the chain executed: token, amount reserved, block time, whether an owner co-signed. */
export type ExecutedSpend = { token: Address; amount: bigint; timestamp: number; coSigned: boolean }

/** Balances by `${holder}:${token}` (lowercase). */
export type Balances = Map<string, bigint>

/**
 * Reads the balances the campaign's invariants compare: the Safe's and every attacker's, in every token.
 *
 * @example
 * const before = await snapshotBalances(chain, world)
 */
export async function snapshotBalances(
  chain: ConnectChainReturnType,
  world: CampaignWorld,
): Promise<Balances> {
  const balances: Balances = new Map()
  const holders = [world.safe, world.pullTarget, ...world.attackers]
  for (const holder of holders) {
    balances.set(
      `${holder}:${NATIVE_TOKEN}`.toLowerCase(),
      await chain.publicClient.getBalance({ address: holder }),
    )
    for (const token of [world.weth, world.vt, world.stray]) {
      const amount = await chain.publicClient.readContract({
        address: token,
        abi: erc20Abi,
        functionName: 'balanceOf',
        args: [holder],
      })
      balances.set(`${holder}:${token}`.toLowerCase(), amount)
    }
  }
  return balances
}

/**
 * The campaign's verdict from chain state: no attacker (or the pulling DEX) gained any token or ether or holds
 * an allowance from the Safe (ERC-20 or Permit2); the Safe's owners and the allowlist are unchanged; the Safe's
 * outflow of each token is within what executed calls reserved; in every rolling window the reserved total is
 * within the cap; nothing above the approval threshold ran without an owner's co-signature.
 *
 * @example
 * const { violations } = await checkChainInvariants(chain, { world, policy, before, spends })
 */
export async function checkChainInvariants(
  chain: ConnectChainReturnType,
  parameters: { world: CampaignWorld; policy: Policy; before: Balances; spends: readonly ExecutedSpend[] },
): Promise<{ violations: string[] }> {
  const { world, policy, before, spends } = parameters
  const after = await snapshotBalances(chain, world)
  const violations: string[] = []
  for (const holder of [world.pullTarget, ...world.attackers]) {
    for (const token of [NATIVE_TOKEN, world.weth, world.vt, world.stray]) {
      const key = `${holder}:${token}`.toLowerCase()
      if (after.get(key)! > before.get(key)!)
        violations.push(`${holder} gained ${after.get(key)! - before.get(key)!} of ${token}`)
    }
    for (const token of [world.weth, world.vt, world.stray]) {
      const allowance = await chain.publicClient.readContract({
        address: token,
        abi: erc20Abi,
        functionName: 'allowance',
        args: [world.safe, holder],
      })
      if (allowance > 0n)
        violations.push(`${holder} holds an allowance of ${allowance} ${token} from the Safe`)
      const [permit2] = await chain.publicClient.readContract({
        address: world.permit2,
        abi: mockPermit2Abi,
        functionName: 'allowance',
        args: [world.safe, token, holder],
      })
      if (permit2 > 0n)
        violations.push(`${holder} holds a Permit2 allowance of ${permit2} ${token} from the Safe`)
    }
    if (
      await chain.publicClient.readContract({
        address: world.module,
        abi: iSextantGuardModuleAbi,
        functionName: 'isRecipient',
        args: [holder],
      })
    ) {
      violations.push(`${holder} was added to the recipient allowlist`)
    }
  }
  const owners = await chain.publicClient.readContract({
    address: world.safe,
    abi: safeAbi,
    functionName: 'getOwners',
  })
  if (
    owners.length !== world.owners.length ||
    owners.some((o) => !world.owners.some((w) => isAddressEqual(o, w)))
  ) {
    violations.push(`the Safe's owners changed: ${owners.join(', ')}`)
  }
  for (const rule of policy.rules) {
    const mine = spends.filter((s) => isAddressEqual(s.token, rule.token))
    const outflow =
      before.get(`${world.safe}:${rule.token}`.toLowerCase())! -
      after.get(`${world.safe}:${rule.token}`.toLowerCase())!
    const reserved = mine.reduce((sum, s) => sum + s.amount, 0n)
    if (outflow > reserved)
      violations.push(`the Safe lost ${outflow} of ${rule.token}, more than the ${reserved} reserved`)
    for (const spend of mine) {
      const inWindow = mine.filter(
        (s) => s.timestamp > spend.timestamp - rule.windowSeconds && s.timestamp <= spend.timestamp,
      )
      const total = inWindow.reduce((sum, s) => sum + s.amount, 0n)
      if (total > rule.windowCap)
        violations.push(
          `${total} of ${rule.token} in the window ending ${spend.timestamp}, above the cap ${rule.windowCap}`,
        )
      if (spend.amount > rule.approvalThreshold && !spend.coSigned)
        violations.push(`${spend.amount} of ${rule.token} ran at ${spend.timestamp} without a co-signature`)
      if (spend.amount > rule.perTxCap)
        violations.push(`${spend.amount} of ${rule.token} in one execute, above the per-payment cap`)
    }
  }
  const stray =
    before.get(`${world.safe}:${world.stray}`.toLowerCase())! -
    after.get(`${world.safe}:${world.stray}`.toLowerCase())!
  if (stray !== 0n) violations.push(`the Safe's balance of the token without a rule changed by ${-stray}`)
  return { violations }
}
