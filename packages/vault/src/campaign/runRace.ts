import type { ConnectChainReturnType } from '@sextant/chain/clients/connectChain'
import { iSextantGuardModuleAbi } from '@sextant/chain/generated/ISextantGuardModule'
import { type Account, encodeFunctionData, formatEther, parseEther } from 'viem'
import { readModuleSnapshot } from '../chain/readModuleSnapshot.ts'
import { NATIVE_TOKEN } from '../policy/TokenInfo.ts'
import { decide } from '../preflight/decide.ts'
import type { CampaignWorld } from './CampaignWorld.ts'
import type { ExecutedSpend } from './checkChainInvariants.ts'

/**
 * 100 parallel requests racing for one budget: every request passes the pre-flight on its own (each sees the
 * same unspent window), all are sent at once into one block, and the module lets through only what fits the
 * window cap — counters live on-chain, so there is no check-then-spend gap.
 *
 * @example
 * const race = await runRace({ chain, world, sessionKey, at: t, size: 100, spends })
 */
export async function runRace(parameters: {
  chain: ConnectChainReturnType
  world: CampaignWorld
  sessionKey: Account
  at: number
  size: number
  spends: ExecutedSpend[]
  /** The session key's next nonce. */
  nonce: number
}): Promise<{ requests: number; executed: number; amountEach: string; room: string }> {
  const { chain, world, sessionKey, at, size, spends } = parameters
  const rpc = (method: string, params: unknown[]) =>
    chain.publicClient.request({ method: method as never, params: params as never })
  const amount = parseEther('0.05')
  const snapshot = await readModuleSnapshot(chain, {
    module: world.module,
    sessionKey: sessionKey.address,
    to: world.alice,
    value: amount,
    data: '0x',
    now: at,
  })
  const each = decide(snapshot, { to: world.alice, value: amount, data: '0x' })
  const rule = snapshot.rules[NATIVE_TOKEN]!
  const room = rule.windowCap - rule.windowSpent
  await rpc('evm_setAutomine', [false])
  try {
    await rpc('evm_setBlockGasLimit', ['0x3b9aca00'])
    await rpc('evm_setNextBlockTimestamp', [at])
    const data = encodeFunctionData({
      abi: iSextantGuardModuleAbi,
      functionName: 'execute',
      args: [world.alice, amount, '0x'],
    })
    const hashes = await Promise.all(
      Array.from({ length: size }, () =>
        chain.walletClient.sendTransaction({
          account: sessionKey,
          to: world.module,
          data,
          gas: 400_000n,
          chain: chain.chain,
        }),
      ),
    )
    await rpc('evm_mine', [])
    const receipts = await Promise.all(
      hashes.map((hash) => chain.publicClient.waitForTransactionReceipt({ hash })),
    )
    const executed = receipts.filter((r) => r.status === 'success').length
    for (let i = 0; i < executed; i++)
      spends.push({ token: NATIVE_TOKEN, amount, timestamp: at, coSigned: false })
    if (each.decision !== 'allow')
      throw new Error(`race pre-flight should allow one request, got ${each.rule}`)
    return {
      requests: size,
      executed,
      amountEach: `${formatEther(amount)} ETH`,
      room: `${formatEther(room)} ETH`,
    }
  } finally {
    await rpc('evm_setAutomine', [true])
  }
}
