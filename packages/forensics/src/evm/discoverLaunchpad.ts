import { launchpadAbi } from '@sextant/chain/generated/Launchpad'
import type { Address, PublicClient } from 'viem'
import { IngestError } from '../errors/IngestError.ts'
import { createEvmDecodeContext, type EvmDecodeContext, registerToken } from './EvmDecodeContext.ts'
import { evmEvents } from './evmTopics.ts'

/** Parameters of {@link discoverLaunchpad}. */
export type DiscoverLaunchpadParameters = {
  publicClient: PublicClient
  launchpad: Address
  /** Also register every token launched up to this block (read from the chain's TokenLaunched logs). */
  tokensUpTo?: number
}

/**
 * A decode context for a launchpad read from the chain: its chain id, WETH and factory, and optionally every
 * token it launched up to a block, so a worker handed any block range decodes transfers and pool events of
 * tokens launched before it.
 *
 * @example
 * const ctx = await discoverLaunchpad({ publicClient, launchpad, tokensUpTo: 1200 })
 */
export async function discoverLaunchpad(parameters: DiscoverLaunchpadParameters): Promise<EvmDecodeContext> {
  const { publicClient: client, launchpad } = parameters
  try {
    const [chainId, weth, factory] = await Promise.all([
      client.getChainId(),
      client.readContract({ address: launchpad, abi: launchpadAbi, functionName: 'weth' }),
      client.readContract({ address: launchpad, abi: launchpadAbi, functionName: 'factory' }),
    ])
    const ctx = createEvmDecodeContext({ chain: `eip155:${chainId}`, launchpad, weth, factory })
    if (parameters.tokensUpTo !== undefined) {
      const logs = await client.getLogs({
        address: launchpad,
        event: evmEvents.tokenLaunched as (typeof launchpadAbi)[number] & {
          type: 'event'
          name: 'TokenLaunched'
        },
        fromBlock: 0n,
        toBlock: BigInt(parameters.tokensUpTo),
      })
      for (const log of logs) {
        const args = log.args as { token?: Address; pair?: Address }
        if (args.token) registerToken(ctx, args.token, args.pair)
      }
    }
    return ctx
  } catch (cause) {
    throw new IngestError('cannot read the launchpad', { details: launchpad, cause })
  }
}
