import type {
  CompletionEvent,
  LaunchEvent,
  LiquidityEvent,
  TradeEvent,
  TransferEvent,
} from '../model/MarketEvent.ts'

/** A native-coin funding edge: `from` sent `amount` to `to`. */
export type FundingEdge = { from: string; to: string; amount: bigint; block: number; timestamp: number }

/** Everything the graph knows about one token, updated event by event. */
export type TokenState = {
  token: string
  launch: LaunchEvent | undefined
  /** Trades in arrival order (duplicates already dropped). */
  trades: TradeEvent[]
  transfers: TransferEvent[]
  liquidity: LiquidityEvent[]
  completion: CompletionEvent | undefined
  /** Token balance per wallet from trades and transfers (the curve and pools are not holders). */
  balances: Map<string, bigint>
  /** Earliest buy of each wallet (by block, tx index, log index). */
  firstBuy: Map<string, TradeEvent>
  /** Token amounts bought and sold per wallet. */
  bought: Map<string, bigint>
  sold: Map<string, bigint>
  /** Native coin spent on buys and received from sells per wallet. */
  nativeIn: Map<string, bigint>
  nativeOut: Map<string, bigint>
  /** Which wallets traded this token in each block (or slot). */
  blockTraders: Map<number, Set<string>>
  /** Token transfer edges: from → to → amount. */
  transferEdges: Map<string, Map<string, bigint>>
  /** Pool addresses this token's liquidity lives in (never counted as holders). */
  pools: Set<string>
}

/**
 * The wallet graph: funding edges between wallets, per-token trades, balances and token transfers, and
 * wallets trading the same token in the same block. Built incrementally by {@link applyEvent}.
 */
export type WalletGraph = {
  /** Keys of events already applied (chain:tx:logIndex) — a duplicate is never counted twice. */
  seen: Set<string>
  /** Incoming funding edges per wallet. */
  fundedBy: Map<string, FundingEdge[]>
  /** Outgoing funding edges per wallet. */
  funds: Map<string, FundingEdge[]>
  /** First time (unix seconds) each wallet was seen in any event. */
  firstSeen: Map<string, number>
  /** Wallet pairs that traded the same token in the same block: a → b → count. */
  coTrades: Map<string, Map<string, number>>
  tokens: Map<string, TokenState>
  /** Latest block timestamp seen. */
  now: number
}
