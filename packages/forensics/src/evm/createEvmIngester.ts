import type { Address, PublicClient } from 'viem'
import { IngestError } from '../errors/IngestError.ts'
import type { MarketEvent } from '../model/MarketEvent.ts'
import type { EventStore } from '../store/EventStore.ts'
import { decodeFetchedRange } from './decodeFetchedRange.ts'
import { discoverLaunchpad } from './discoverLaunchpad.ts'
import { registerToken } from './EvmDecodeContext.ts'
import { fetchEvmRange } from './fetchEvmRange.ts'
import type { IngestFlag } from './RawLog.ts'

/** Parameters of {@link createEvmIngester}. */
export type CreateEvmIngesterParameters = {
  publicClient: PublicClient
  store: EventStore
  /** The launchpad whose tokens are followed (its WETH and factory are read from it). */
  launchpad: Address
  /** First block to ingest when no cursor exists (default 0). */
  fromBlock?: number
  /** Cursor key (default `evm:<chain>:<launchpad>`). */
  cursorKey?: string
  /** Blocks per fetch and commit (default 200). */
  batchSize?: number
  /** Stay this many blocks behind the head (default 0: anvil's blocks are final). */
  confirmations?: number
  /** Deepest reorg handled (default 64 blocks); deeper is an error. */
  maxReorgDepth?: number
  /** Called after each commit with the events that commit made new. */
  onEvents?: (events: MarketEvent[]) => void | Promise<void>
  onFlag?: (flag: IngestFlag) => void
  onReorg?: (info: { chain: string; fromBlock: number; removed: number }) => void
}

/** What one {@link EvmIngester.step} did. */
export type IngestStep =
  | { kind: 'ingested'; fromBlock: number; toBlock: number; events: number; inserted: number }
  | { kind: 'reorg'; fromBlock: number; removed: number }
  | { kind: 'idle'; head: number }

/** Ingests one launchpad's market from an EVM node into an event store. */
export type EvmIngester = {
  chain: string
  cursorKey: string
  /** One batch from the cursor (or a rollback, when the stored tip left the chain). */
  step(): Promise<IngestStep>
  /** Steps until caught up with the head; returns the total of new events. */
  backfill(): Promise<{ inserted: number; reorgs: number }>
  /** Backfills, then keeps polling every `pollMs` (default 250) until `stop()`; errors go to `onError`. */
  follow(options?: { pollMs?: number; onError?: (error: unknown) => void }): { stop(): Promise<void> }
}

/**
 * Creates the EVM ingester: backfill and live follow over viem, with a checkpointed cursor (moved in the same
 * store transaction as the events), idempotent writes, reorg handling (a new block whose parent is not the
 * stored tip triggers a walk back to the fork point and a rollback of everything after it) and clear errors
 * on gaps (the cursor never moves past a block it did not store).
 *
 * @example
 * const ingester = await createEvmIngester({ publicClient, store, launchpad })
 * await ingester.backfill()
 * const live = ingester.follow({ pollMs: 200 })
 */
export async function createEvmIngester(parameters: CreateEvmIngesterParameters): Promise<EvmIngester> {
  const { publicClient: client, store } = parameters
  const batchSize = parameters.batchSize ?? 200
  const maxDepth = parameters.maxReorgDepth ?? 64
  const ctx = await discoverLaunchpad({ publicClient: client, launchpad: parameters.launchpad })
  for (const launch of await store.readEvents({ chain: ctx.chain, kinds: ['launch'] })) {
    if (launch.kind === 'launch') registerToken(ctx, launch.token)
  }
  const chain = ctx.chain
  const cursorKey = parameters.cursorKey ?? `evm:${chain}:${ctx.launchpad}`

  const findForkPoint = async (tip: number): Promise<number> => {
    for (let n = tip; n >= Math.max(0, tip - maxDepth); n--) {
      const stored = await store.getBlock(chain, n)
      if (!stored) return n
      const onChain = await client.getBlock({ blockNumber: BigInt(n) }).catch(() => null)
      if (onChain?.hash === stored.hash) return n
    }
    throw new IngestError('reorg deeper than the handled depth', { details: `below block ${tip - maxDepth}` })
  }
  const rollbackFrom = async (tip: number): Promise<IngestStep> => {
    const fork = await findForkPoint(tip)
    const { removed } = await store.rollback(chain, fork + 1)
    parameters.onReorg?.({ chain, fromBlock: fork + 1, removed })
    return { kind: 'reorg', fromBlock: fork + 1, removed }
  }

  const step = async (): Promise<IngestStep> => {
    const cursor = await store.getCursor(cursorKey)
    const next = cursor ? cursor.block + 1 : (parameters.fromBlock ?? 0)
    const head = Number(await client.getBlockNumber()) - (parameters.confirmations ?? 0)
    if (next > head) {
      // Caught up: the stored tip must still be on the chain (a shorter fork also counts as a reorg).
      if (cursor?.hash) {
        if (cursor.block > head + (parameters.confirmations ?? 0)) return rollbackFrom(Math.max(0, head))
        const tip = await client.getBlock({ blockNumber: BigInt(cursor.block) }).catch(() => null)
        if (tip && tip.hash !== cursor.hash) return rollbackFrom(cursor.block)
      }
      return { kind: 'idle', head }
    }
    const to = Math.min(head, next + batchSize - 1)
    const range = await fetchEvmRange(client, chain, next, to)
    const blocks = range.blocks
    if (cursor?.hash && blocks[0]!.parentHash !== cursor.hash) return rollbackFrom(cursor.block)
    const { events, flags, blocks: stored } = decodeFetchedRange(range, ctx)
    for (const f of flags) parameters.onFlag?.(f)
    const last = blocks.at(-1)!
    const { inserted } = await store.commit({
      blocks: stored,
      events,
      cursor: { key: cursorKey, chain, block: last.number, hash: last.hash },
    })
    if (parameters.onEvents && events.length > 0) await parameters.onEvents(events)
    return { kind: 'ingested', fromBlock: next, toBlock: last.number, events: events.length, inserted }
  }

  const backfill = async () => {
    let inserted = 0
    let reorgs = 0
    for (;;) {
      const s = await step()
      if (s.kind === 'idle') return { inserted, reorgs }
      if (s.kind === 'reorg') reorgs++
      else inserted += s.inserted
    }
  }

  const follow: EvmIngester['follow'] = (options = {}) => {
    let stopped = false
    let wake: (() => void) | undefined
    const loop = (async () => {
      while (!stopped) {
        try {
          await backfill()
        } catch (error) {
          options.onError?.(error)
        }
        if (stopped) break
        await new Promise<void>((resolve) => {
          wake = resolve
          setTimeout(resolve, options.pollMs ?? 250)
        })
      }
    })()
    return {
      stop: async () => {
        stopped = true
        wake?.()
        await loop
      },
    }
  }

  return { chain, cursorKey, step, backfill, follow }
}
