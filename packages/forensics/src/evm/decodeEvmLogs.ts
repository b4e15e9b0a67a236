import { decodeEventLog } from 'viem'
import type { EventLocation, MarketEvent } from '../model/MarketEvent.ts'
import { checksum, type EvmDecodeContext, registerToken } from './EvmDecodeContext.ts'
import { evmEvents, evmTopics } from './evmTopics.ts'
import type { IngestFlag, RawLog } from './RawLog.ts'

/** Return type of {@link decodeEvmLogs}. */
export type DecodeEvmLogsReturnType = { events: MarketEvent[]; flags: IngestFlag[] }

const ZERO = '0x0000000000000000000000000000000000000000'
const launchpadTopics = new Set([
  evmTopics.tokenLaunched,
  evmTopics.traded,
  evmTopics.curveCompleted,
  evmTopics.migrated,
])
const wordCount = (data: string) => (data.length - 2) / 64
const word = (data: string, i: number) => BigInt(`0x${data.slice(2 + 64 * i, 66 + 64 * i)}`)
const topicAddress = (topic: string) => `0x${topic.slice(26)}`

/**
 * Decodes a block range's logs (in chain order) into `MarketEvent`s: the launchpad's launches, curve trades,
 * completions and migrations; transfers of its tokens between wallets (trade legs, mints and pool deposits
 * are not transfers); swaps, mints and burns of the tokens' Uniswap V2 pairs (the migration's own mint is the
 * migrate event). Logs of other contracts are ignored; a launchpad event from another address is flagged as an
 * impostor, and a log of a known contract with the wrong shape is flagged as malformed, never decoded.
 *
 * @example
 * const { events, flags } = decodeEvmLogs(logs, ctx, (block) => timestamps.get(block)!)
 */
export function decodeEvmLogs(
  logs: readonly RawLog[],
  ctx: EvmDecodeContext,
  timestampOf: (block: number) => number,
): DecodeEvmLogsReturnType {
  const events: MarketEvent[] = []
  const flags: IngestFlag[] = []
  const launchpad = ctx.launchpad.toLowerCase()
  const migratedTxs = new Set<string>()
  for (const log of logs) {
    if (log.topics[0] === evmTopics.migrated && log.address.toLowerCase() === launchpad)
      migratedTxs.add(log.transactionHash)
  }
  const lastSync = new Map<string, { tx: string; r0: bigint; r1: bigint }>()
  // Who last paid the token into each pair (by checksummed pair): a liquidity add's real provider.
  const payIns = new Map<string, { tx: string; from: string }>()
  for (const log of logs) {
    if (log.removed) continue
    const at: EventLocation = {
      chain: ctx.chain,
      block: log.blockNumber,
      timestamp: timestampOf(log.blockNumber),
      tx: log.transactionHash,
      txIndex: log.transactionIndex,
      logIndex: log.logIndex,
    }
    const flag = (kind: IngestFlag['kind'], reason: string) =>
      flags.push({ kind, chain: ctx.chain, block: at.block, tx: at.tx, logIndex: at.logIndex, reason })
    const topic0 = log.topics[0]
    const address = log.address.toLowerCase()
    if (topic0 === undefined) continue
    if (address === launchpad) {
      const reason = decodeLaunchpadLog(log, ctx, at, events)
      if (reason) flag('malformed-log', reason)
      continue
    }
    if (launchpadTopics.has(topic0 as `0x${string}`)) {
      flag('impostor', `launchpad event from unknown contract ${log.address}`)
      continue
    }
    const token = ctx.tokens.get(address)
    if (token && topic0 === evmTopics.transfer) {
      if (log.topics.length !== 3 || wordCount(log.data) !== 1) {
        flag('malformed-log', 'Transfer with wrong topics or data')
        continue
      }
      const from = checksum(ctx, topicAddress(log.topics[1]!))
      const to = checksum(ctx, topicAddress(log.topics[2]!))
      const legs = [ZERO, ctx.launchpad, token.pair]
      if (to === token.pair) payIns.set(token.pair, { tx: at.tx, from })
      if (legs.includes(from) || legs.includes(to)) continue
      // Hot path: a literal, not a spread of `at` (spreading costs several times the whole decode).
      events.push({
        chain: at.chain,
        block: at.block,
        timestamp: at.timestamp,
        tx: at.tx,
        txIndex: at.txIndex,
        logIndex: at.logIndex,
        kind: 'transfer',
        token: token.token,
        from,
        to,
        amount: word(log.data, 0),
      })
      continue
    }
    const pair = ctx.pairs.get(address)
    if (!pair) continue
    const reason = decodePairLog(log, ctx, pair, at, { migratedTxs, lastSync, payIns }, events)
    if (reason) flag('malformed-log', reason)
  }
  return { events, flags }
}

function decodeLaunchpadLog(
  log: RawLog,
  ctx: EvmDecodeContext,
  at: EventLocation,
  events: MarketEvent[],
): string | undefined {
  const topic0 = log.topics[0]
  if (topic0 === evmTopics.traded) {
    if (log.topics.length !== 3 || wordCount(log.data) !== 8) return 'Traded with wrong topics or data'
    const token = checksum(ctx, topicAddress(log.topics[1]!))
    if (!ctx.tokens.has(token.toLowerCase())) registerToken(ctx, token)
    const d = log.data
    events.push({
      chain: at.chain,
      block: at.block,
      timestamp: at.timestamp,
      tx: at.tx,
      txIndex: at.txIndex,
      logIndex: at.logIndex,
      kind: 'trade',
      token,
      trader: checksum(ctx, topicAddress(log.topics[2]!)),
      side: word(d, 0) === 1n ? 'buy' : 'sell',
      nativeAmount: word(d, 1),
      tokenAmount: word(d, 2),
      fee: word(d, 3),
      venue: 'curve',
      reserves: {
        virtualNative: word(d, 4),
        virtualToken: word(d, 5),
        realNative: word(d, 6),
        realToken: word(d, 7),
      },
    })
    return undefined
  }
  if (topic0 === evmTopics.tokenLaunched) {
    try {
      const { args } = decodeEventLog({
        abi: [evmEvents.tokenLaunched],
        data: log.data as `0x${string}`,
        topics: log.topics as [`0x${string}`, ...`0x${string}`[]],
      }) as unknown as {
        args: {
          token: string
          creator: string
          pair: string
          name: string
          symbol: string
          totalSupply: bigint
        }
      }
      registerToken(ctx, args.token, args.pair)
      events.push({
        ...at,
        kind: 'launch',
        token: checksum(ctx, args.token),
        creator: checksum(ctx, args.creator),
        name: args.name,
        symbol: args.symbol,
        totalSupply: args.totalSupply,
      })
      return undefined
    } catch {
      return 'TokenLaunched does not decode'
    }
  }
  if (topic0 === evmTopics.curveCompleted) {
    if (log.topics.length !== 2 || wordCount(log.data) !== 0)
      return 'CurveCompleted with wrong topics or data'
    events.push({ ...at, kind: 'complete', token: checksum(ctx, topicAddress(log.topics[1]!)) })
    return undefined
  }
  if (topic0 === evmTopics.migrated) {
    if (log.topics.length !== 3 || wordCount(log.data) !== 3) return 'Migrated with wrong topics or data'
    events.push({
      ...at,
      kind: 'liquidity',
      token: checksum(ctx, topicAddress(log.topics[1]!)),
      action: 'migrate',
      pool: checksum(ctx, topicAddress(log.topics[2]!)),
      nativeAmount: word(log.data, 0),
      tokenAmount: word(log.data, 1),
      provider: ctx.launchpad,
    })
  }
  return undefined
}

function decodePairLog(
  log: RawLog,
  ctx: EvmDecodeContext,
  pair: { token: string; pair: string; tokenIsToken0: boolean },
  at: EventLocation,
  seen: {
    migratedTxs: Set<string>
    lastSync: Map<string, { tx: string; r0: bigint; r1: bigint }>
    payIns: Map<string, { tx: string; from: string }>
  },
  events: MarketEvent[],
): string | undefined {
  const { migratedTxs, lastSync, payIns } = seen
  const topic0 = log.topics[0]
  const n = wordCount(log.data)
  // [token side, WETH side] of a (amount0, amount1) couple.
  const split = (a0: bigint, a1: bigint) => (pair.tokenIsToken0 ? [a0, a1] : [a1, a0]) as [bigint, bigint]
  if (topic0 === evmTopics.sync) {
    if (log.topics.length !== 1 || n !== 2) return 'Sync with wrong topics or data'
    lastSync.set(pair.pair, { tx: at.tx, r0: word(log.data, 0), r1: word(log.data, 1) })
    return undefined
  }
  if (topic0 === evmTopics.swap) {
    if (log.topics.length !== 3 || n !== 4) return 'Swap with wrong topics or data'
    const [tokenIn, nativeIn] = split(word(log.data, 0), word(log.data, 1))
    const [tokenOut, nativeOut] = split(word(log.data, 2), word(log.data, 3))
    const buy = nativeIn > 0n && tokenOut > 0n
    const sync = lastSync.get(pair.pair)
    const reserves = sync && sync.tx === at.tx ? split(sync.r0, sync.r1) : undefined
    events.push({
      ...at,
      kind: 'trade',
      token: pair.token,
      trader: checksum(ctx, topicAddress(log.topics[2]!)),
      side: buy ? 'buy' : 'sell',
      nativeAmount: buy ? nativeIn : nativeOut,
      tokenAmount: buy ? tokenOut : tokenIn,
      fee: 0n,
      venue: 'pool',
      ...(reserves
        ? {
            reserves: {
              virtualNative: reserves[1],
              virtualToken: reserves[0],
              realNative: reserves[1],
              realToken: reserves[0],
            },
          }
        : {}),
    })
    return undefined
  }
  if (topic0 === evmTopics.mint || topic0 === evmTopics.burn) {
    const burn = topic0 === evmTopics.burn
    if (log.topics.length !== (burn ? 3 : 2) || n !== 2)
      return `${burn ? 'Burn' : 'Mint'} with wrong topics or data`
    if (!burn && migratedTxs.has(at.tx)) return undefined
    const [tokenAmount, nativeAmount] = split(word(log.data, 0), word(log.data, 1))
    // A Mint's sender is whoever called the pair (a router, say): the provider is who paid the token in.
    const payIn = payIns.get(pair.pair)
    const provider =
      !burn && payIn?.tx === at.tx ? payIn.from : checksum(ctx, topicAddress(log.topics[burn ? 2 : 1]!))
    events.push({
      ...at,
      kind: 'liquidity',
      token: pair.token,
      action: burn ? 'remove' : 'add',
      pool: pair.pair,
      nativeAmount,
      tokenAmount,
      provider,
    })
  }
  return undefined
}
