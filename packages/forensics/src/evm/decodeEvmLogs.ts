import { decodeEventLog } from 'viem'
import type { EventLocation, MarketEvent } from '../model/MarketEvent.ts'
import { checksum, type EvmDecodeContext, registerToken } from './EvmDecodeContext.ts'
import { evmEvents, evmTopics } from './evmTopics.ts'
import type { IngestFlag, RawLog } from './RawLog.ts'
import { topicAddress } from './topicAddress.ts'

/** Return type of {@link decodeEvmLogs}. */
export type DecodeEvmLogsReturnType = { events: MarketEvent[]; flags: IngestFlag[] }

type Pair = { token: string; pair: string; tokenIsToken0: boolean }
type SyncState = Map<string, { tx: string; r0: bigint; r1: bigint }>
/** Who last paid the token into each pair (by checksummed pair): a liquidity add's real provider. */
type PayIns = Map<string, { tx: string; from: string }>

const ZERO = '0x0000000000000000000000000000000000000000'
const ZERO_WORD = '0'.repeat(64)
const ONE_WORD = `${'0'.repeat(63)}1`
const launchpadTopics = new Set<string>([
  evmTopics.tokenLaunched,
  evmTopics.traded,
  evmTopics.curveCompleted,
  evmTopics.migrated,
])
const wordCount = (data: string) => (data.length - 2) / 64

/**
 * The i-th 32-byte word of `data` as a bigint, read from the characters without building strings: most amounts
 * fit one or two 52-bit numbers, and the garbage of slicing and prefixing each word was most of decode's GC.
 */
function word(data: string, i: number): bigint {
  const end = 66 + 64 * i
  let start = end - 64
  while (start < end && data.charCodeAt(start) === 48) start++
  const digits = end - start
  if (digits <= 13) {
    const n = hexNumber(data, start, end)
    if (n >= 0) return BigInt(n)
  } else if (digits <= 26) {
    const high = hexNumber(data, start, end - 13)
    const low = hexNumber(data, end - 13, end)
    if (high >= 0 && low >= 0) return (BigInt(high) << 52n) | BigInt(low)
  }
  // Longer words, and characters that are not hex (which throw here, as they always did).
  return BigInt(`0x${data.slice(end - 64, end)}`)
}

/** Hex digits `[start, end)` of `text` as a number (at most 13 digits), or -1 if one is not a hex digit. */
function hexNumber(text: string, start: number, end: number): number {
  let n = 0
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k)
    const digit =
      c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1
    if (digit < 0) return -1
    n = n * 16 + digit
  }
  return n
}
const locationOf = (log: RawLog, chain: string, timestamp: number): EventLocation => ({
  chain,
  block: log.blockNumber,
  timestamp,
  tx: log.transactionHash,
  txIndex: log.transactionIndex,
  logIndex: log.logIndex,
})

/**
 * Decodes a block range's logs (in chain order) into `MarketEvent`s: the launchpad's launches, curve trades,
 * completions and migrations; transfers of its tokens between wallets (trade legs, mints and pool deposits
 * are not transfers); swaps, mints and burns of the tokens' Uniswap V2 pairs (the migration's own mint is the
 * migrate event). Logs of other contracts are ignored; a launchpad event from another address is flagged as an
 * impostor, and a log of a known contract with the wrong shape is flagged as malformed, never decoded.
 *
 * Hot path (replay runs at tens of thousands of trades a second): trades and transfers are built as object
 * literals straight from the log (no spread, no per-log closure), topics map to addresses through a cache, and
 * a block's timestamp is looked up once per block.
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
  const lastSync: SyncState = new Map()
  const payIns: PayIns = new Map()
  let block = Number.NaN
  let timestamp = 0
  for (let i = 0; i < logs.length; i++) {
    const log = logs[i]!
    const topic0 = log.topics[0]
    if (log.removed || topic0 === undefined) continue
    if (log.blockNumber !== block) {
      block = log.blockNumber
      timestamp = timestampOf(block)
    }
    const address = log.address.toLowerCase()
    let reason: string | undefined
    if (address === launchpad) {
      reason =
        topic0 === evmTopics.traded
          ? decodeTraded(log, ctx, timestamp, events)
          : decodeLaunchpadLog(log, ctx, locationOf(log, ctx.chain, timestamp), events)
    } else if (launchpadTopics.has(topic0)) {
      flags.push(flagOf(log, ctx.chain, 'impostor', `launchpad event from unknown contract ${log.address}`))
      continue
    } else {
      const token = topic0 === evmTopics.transfer ? ctx.tokens.get(address) : undefined
      if (token) reason = decodeTransfer(log, ctx, token, timestamp, payIns, events)
      else {
        const pair = ctx.pairs.get(address)
        if (pair)
          reason = decodePairLog(
            log,
            ctx,
            pair,
            locationOf(log, ctx.chain, timestamp),
            { migratedTxs, lastSync, payIns },
            events,
          )
      }
    }
    if (reason) flags.push(flagOf(log, ctx.chain, 'malformed-log', reason))
  }
  return { events, flags }
}

function isLeg(address: string, ctx: EvmDecodeContext, pair: string): boolean {
  return address === ZERO || address === ctx.launchpad || address === pair
}

/** [token side, WETH side] of a pair's (amount0, amount1) couple. */
function split(pair: Pair, a0: bigint, a1: bigint): [bigint, bigint] {
  return pair.tokenIsToken0 ? [a0, a1] : [a1, a0]
}

/** `isBuy`, the first word of Traded: compared as text in the usual cases, parsed otherwise (non-hex throws). */
function sideOf(data: string): 'buy' | 'sell' {
  const first = data.slice(2, 66)
  if (first === ONE_WORD) return 'buy'
  if (first === ZERO_WORD) return 'sell'
  return word(data, 0) === 1n ? 'buy' : 'sell'
}

function flagOf(log: RawLog, chain: string, kind: IngestFlag['kind'], reason: string): IngestFlag {
  return { kind, chain, block: log.blockNumber, tx: log.transactionHash, logIndex: log.logIndex, reason }
}

function decodeTraded(
  log: RawLog,
  ctx: EvmDecodeContext,
  timestamp: number,
  events: MarketEvent[],
): string | undefined {
  const d = log.data
  if (log.topics.length !== 3 || wordCount(d) !== 8) return 'Traded with wrong topics or data'
  const token = topicAddress(ctx, log.topics[1]!)
  if (!ctx.tokens.has(token.lower)) registerToken(ctx, token.checksummed)
  events.push({
    chain: ctx.chain,
    block: log.blockNumber,
    timestamp,
    tx: log.transactionHash,
    txIndex: log.transactionIndex,
    logIndex: log.logIndex,
    kind: 'trade',
    token: token.checksummed,
    trader: topicAddress(ctx, log.topics[2]!).checksummed,
    side: sideOf(d),
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

function decodeTransfer(
  log: RawLog,
  ctx: EvmDecodeContext,
  token: { token: string; pair: string },
  timestamp: number,
  payIns: PayIns,
  events: MarketEvent[],
): string | undefined {
  if (log.topics.length !== 3 || wordCount(log.data) !== 1) return 'Transfer with wrong topics or data'
  const from = topicAddress(ctx, log.topics[1]!).checksummed
  const to = topicAddress(ctx, log.topics[2]!).checksummed
  if (to === token.pair) payIns.set(token.pair, { tx: log.transactionHash, from })
  // Trade legs, mints, burns and pool deposits are not wallet-to-wallet transfers.
  if (isLeg(from, ctx, token.pair) || isLeg(to, ctx, token.pair)) return undefined
  events.push({
    chain: ctx.chain,
    block: log.blockNumber,
    timestamp,
    tx: log.transactionHash,
    txIndex: log.transactionIndex,
    logIndex: log.logIndex,
    kind: 'transfer',
    token: token.token,
    from,
    to,
    amount: word(log.data, 0),
  })
  return undefined
}

function decodeLaunchpadLog(
  log: RawLog,
  ctx: EvmDecodeContext,
  at: EventLocation,
  events: MarketEvent[],
): string | undefined {
  const topic0 = log.topics[0]
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
    events.push({ ...at, kind: 'complete', token: checksum(ctx, `0x${log.topics[1]!.slice(26)}`) })
    return undefined
  }
  if (topic0 === evmTopics.migrated) {
    if (log.topics.length !== 3 || wordCount(log.data) !== 3) return 'Migrated with wrong topics or data'
    events.push({
      ...at,
      kind: 'liquidity',
      token: checksum(ctx, `0x${log.topics[1]!.slice(26)}`),
      action: 'migrate',
      pool: checksum(ctx, `0x${log.topics[2]!.slice(26)}`),
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
  pair: Pair,
  at: EventLocation,
  seen: { migratedTxs: Set<string>; lastSync: SyncState; payIns: PayIns },
  events: MarketEvent[],
): string | undefined {
  const { migratedTxs, lastSync, payIns } = seen
  const topic0 = log.topics[0]
  const n = wordCount(log.data)
  if (topic0 === evmTopics.sync) {
    if (log.topics.length !== 1 || n !== 2) return 'Sync with wrong topics or data'
    lastSync.set(pair.pair, { tx: at.tx, r0: word(log.data, 0), r1: word(log.data, 1) })
    return undefined
  }
  if (topic0 === evmTopics.swap) {
    if (log.topics.length !== 3 || n !== 4) return 'Swap with wrong topics or data'
    const [tokenIn, nativeIn] = split(pair, word(log.data, 0), word(log.data, 1))
    const [tokenOut, nativeOut] = split(pair, word(log.data, 2), word(log.data, 3))
    const buy = nativeIn > 0n && tokenOut > 0n
    const sync = lastSync.get(pair.pair)
    const reserves = sync && sync.tx === at.tx ? split(pair, sync.r0, sync.r1) : undefined
    events.push({
      ...at,
      kind: 'trade',
      token: pair.token,
      trader: topicAddress(ctx, log.topics[2]!).checksummed,
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
    const [tokenAmount, nativeAmount] = split(pair, word(log.data, 0), word(log.data, 1))
    // A Mint's sender is whoever called the pair (a router, say): the provider is who paid the token in.
    const payIn = payIns.get(pair.pair)
    const provider =
      !burn && payIn?.tx === at.tx ? payIn.from : topicAddress(ctx, log.topics[burn ? 2 : 1]!).checksummed
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
