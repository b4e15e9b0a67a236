import type { MarketEvent, TradeEvent } from '../model/MarketEvent.ts'
import { eventKey } from './eventKey.ts'
import { tokenStateOf } from './tokenStateOf.ts'
import { validateEvent } from './validateEvent.ts'
import type { TokenState, WalletGraph } from './WalletGraph.ts'

/** Blocks with more traders than this add no same-block edges (a busy block says little about collusion). */
const MAX_CO_TRADERS = 64

/**
 * Adds one event to the wallet graph. Returns `false` (and changes nothing) when the same event — same
 * chain, transaction and log index — was already applied, so a redelivered or replayed event is never
 * counted twice. A malformed event throws `InvalidEventError` before anything changes.
 *
 * @example
 * const graph = createWalletGraph()
 * applyEvent(graph, { kind: 'funding', chain: 'anvil', block: 1, timestamp: 1, tx: '0x1', txIndex: 0, logIndex: 0, from: '0xA', to: '0xB', amount: 10n })
 */
export function applyEvent(graph: WalletGraph, event: MarketEvent): boolean {
  validateEvent(event)
  const key = eventKey(event)
  if (graph.seen.has(key)) return false
  graph.seen.add(key)
  if (event.timestamp > graph.now) graph.now = event.timestamp
  switch (event.kind) {
    case 'funding': {
      const edge = {
        from: event.from,
        to: event.to,
        amount: event.amount,
        block: event.block,
        timestamp: event.timestamp,
      }
      push(graph.fundedBy, event.to, edge)
      push(graph.funds, event.from, edge)
      touch(graph, event.from, event.timestamp)
      touch(graph, event.to, event.timestamp)
      break
    }
    case 'launch': {
      const state = tokenStateOf(graph, event.token)
      state.launch = event
      touch(graph, event.creator, event.timestamp)
      break
    }
    case 'trade':
      applyTrade(graph, tokenStateOf(graph, event.token), event)
      break
    case 'transfer': {
      const state = tokenStateOf(graph, event.token)
      state.transfers.push(event)
      add(state.balances, event.from, -event.amount)
      add(state.balances, event.to, event.amount)
      const out = state.transferEdges.get(event.from) ?? new Map<string, bigint>()
      state.transferEdges.set(event.from, out)
      add(out, event.to, event.amount)
      touch(graph, event.from, event.timestamp)
      touch(graph, event.to, event.timestamp)
      break
    }
    case 'complete':
      tokenStateOf(graph, event.token).completion = event
      break
    case 'liquidity': {
      const state = tokenStateOf(graph, event.token)
      state.liquidity.push(event)
      state.pools.add(event.pool)
      state.balances.delete(event.pool)
      // A provider's tokens go into the pool and come back out of it (the migration's come from the curve).
      if (event.action === 'add') add(state.balances, event.provider, -event.tokenAmount)
      if (event.action === 'remove') add(state.balances, event.provider, event.tokenAmount)
      break
    }
  }
  return true
}

function applyTrade(graph: WalletGraph, state: TokenState, trade: TradeEvent): void {
  state.trades.push(trade)
  const { trader } = trade
  touch(graph, trader, trade.timestamp)
  if (trade.side === 'buy') {
    add(state.balances, trader, trade.tokenAmount)
    add(state.bought, trader, trade.tokenAmount)
    add(state.nativeIn, trader, trade.nativeAmount)
    const first = state.firstBuy.get(trader)
    if (!first || before(trade, first)) state.firstBuy.set(trader, trade)
  } else {
    add(state.balances, trader, -trade.tokenAmount)
    add(state.sold, trader, trade.tokenAmount)
    add(state.nativeOut, trader, trade.nativeAmount)
  }
  const traders = state.blockTraders.get(trade.block) ?? new Set<string>()
  state.blockTraders.set(trade.block, traders)
  if (traders.has(trader)) return
  if (traders.size < MAX_CO_TRADERS) {
    for (const other of traders) {
      bump(graph.coTrades, trader, other)
      bump(graph.coTrades, other, trader)
    }
  }
  traders.add(trader)
}

function before(a: TradeEvent, b: TradeEvent): boolean {
  if (a.block !== b.block) return a.block < b.block
  if (a.txIndex !== b.txIndex) return a.txIndex < b.txIndex
  return a.logIndex < b.logIndex
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

function add(map: Map<string, bigint>, key: string, amount: bigint): void {
  map.set(key, (map.get(key) ?? 0n) + amount)
}

function bump(map: Map<string, Map<string, number>>, a: string, b: string): void {
  const inner = map.get(a) ?? new Map<string, number>()
  map.set(a, inner)
  inner.set(b, (inner.get(b) ?? 0) + 1)
}

function touch(graph: WalletGraph, wallet: string, timestamp: number): void {
  const first = graph.firstSeen.get(wallet)
  if (first === undefined || timestamp < first) graph.firstSeen.set(wallet, timestamp)
}
