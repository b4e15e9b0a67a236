import { launchpadAbi } from '@sextant/chain/generated/Launchpad'
import { uniswapV2PairAbi } from '@sextant/chain/generated/UniswapV2Pair'
import { type AbiEvent, toEventSelector } from 'viem'

const eventOf = (abi: readonly unknown[], name: string) =>
  (abi as AbiEvent[]).find((item) => item.type === 'event' && item.name === name)!

/** The ABI items of the events EVM ingestion decodes. */
export const evmEvents = {
  tokenLaunched: eventOf(launchpadAbi, 'TokenLaunched'),
  traded: eventOf(launchpadAbi, 'Traded'),
  curveCompleted: eventOf(launchpadAbi, 'CurveCompleted'),
  migrated: eventOf(launchpadAbi, 'Migrated'),
  transfer: eventOf(uniswapV2PairAbi, 'Transfer'),
  swap: eventOf(uniswapV2PairAbi, 'Swap'),
  sync: eventOf(uniswapV2PairAbi, 'Sync'),
  mint: eventOf(uniswapV2PairAbi, 'Mint'),
  burn: eventOf(uniswapV2PairAbi, 'Burn'),
} as const

/**
 * topic0 of each decoded event (keccak of its signature).
 *
 * @example
 * if (log.topics[0] === evmTopics.traded) { … }
 */
export const evmTopics = Object.fromEntries(
  Object.entries(evmEvents).map(([name, event]) => [name, toEventSelector(event)]),
) as Record<keyof typeof evmEvents, `0x${string}`>
