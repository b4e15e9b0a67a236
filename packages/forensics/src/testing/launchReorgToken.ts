import type { ConnectChainReturnType } from '@sextant/chain/clients/connectChain'
import { launchpadAbi } from '@sextant/chain/generated/Launchpad'
import { type Address, type Hex, parseEther, type TransactionReceipt } from 'viem'
import { deployLaunchpad } from '../launchpad/deployLaunchpad.ts'

/** Return type of {@link launchReorgToken}. */
export type LaunchReorgTokenReturnType = {
  launchpad: Address
  /** The token launched (1 ETH dev buy), named "Reorg" / RORG. */
  token: Address
  /** The block of the launch (where an ingester can start). */
  launchBlock: bigint
  /** Sends a transaction and waits for its receipt. */
  send: (fn: () => Promise<Hex>) => Promise<TransactionReceipt>
  /** Raw JSON-RPC for anvil's `evm_snapshot` / `evm_revert` / `evm_mine`. */
  request: (a: { method: string; params?: unknown[] }) => Promise<unknown>
}

/**
 * Test helper for the reorg suites: deploys the launchpad on a connected anvil and launches one token, so a test
 * can trade, snapshot, revert and trade again on another fork.
 *
 * @example
 * const { launchpad, token, send, request } = await launchReorgToken(chain)
 * const snapshot = await request({ method: 'evm_snapshot' })
 */
export async function launchReorgToken(chain: ConnectChainReturnType): Promise<LaunchReorgTokenReturnType> {
  const request = chain.publicClient.request as LaunchReorgTokenReturnType['request']
  const { launchpad } = await deployLaunchpad(chain)
  const send = async (fn: () => Promise<Hex>) =>
    chain.publicClient.waitForTransactionReceipt({ hash: await fn() })
  const launched = await send(() =>
    chain.walletClient.writeContract({
      address: launchpad,
      abi: launchpadAbi,
      functionName: 'launch',
      args: ['Reorg', 'RORG', 0n],
      value: parseEther('1'),
    }),
  )
  const token =
    `0x${launched.logs.find((l) => l.address.toLowerCase() === launchpad.toLowerCase())!.topics[1]!.slice(26)}` as Address
  return { launchpad, token, launchBlock: launched.blockNumber, send, request }
}
