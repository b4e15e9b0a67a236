/**
 * The chain-agnostic events forensics works on. Ingest adapters (EVM launchpad, Solana pump.fun) normalize into
 * these; the wallet graph, detectors, scores and alerts read only these. Amounts are integers in the chain's
 * base units (wei, lamports, token base units) as bigint; addresses are the chain's canonical string form
 * (checksummed hex on EVM, base58 on Solana).
 */
export type MarketEvent =
  | LaunchEvent
  | TradeEvent
  | TransferEvent
  | FundingEvent
  | CompletionEvent
  | LiquidityEvent

/** Where an event was observed: enough to order, deduplicate and roll back on reorgs. */
export type EventLocation = {
  chain: string
  /** Block number (EVM) or slot (Solana). */
  block: number
  /** Unix seconds of the block. */
  timestamp: number
  /** Transaction hash / signature. */
  tx: string
  /** Position of the transaction in the block. */
  txIndex: number
  /** Position of the event in the transaction (log index / instruction path). */
  logIndex: number
}

/** A token was created on a launchpad (its creator is the "dev"). */
export type LaunchEvent = EventLocation & {
  kind: 'launch'
  token: string
  creator: string
  name: string
  symbol: string
  totalSupply: bigint
}

/** A buy or sell against a bonding curve or pool. */
export type TradeEvent = EventLocation & {
  kind: 'trade'
  token: string
  trader: string
  side: 'buy' | 'sell'
  /** Native coin in (buy) or out (sell), fees excluded. */
  nativeAmount: bigint
  tokenAmount: bigint
  fee: bigint
  venue: 'curve' | 'pool'
  /** Curve reserves after the trade, when the venue reports them. */
  reserves?: { virtualNative: bigint; virtualToken: bigint; realNative: bigint; realToken: bigint }
}

/** A token transfer between wallets (not a trade leg). */
export type TransferEvent = EventLocation & {
  kind: 'transfer'
  token: string
  from: string
  to: string
  amount: bigint
}

/** A native-coin transfer: who funded whom (the edges that reveal insiders and cabals). */
export type FundingEvent = EventLocation & {
  kind: 'funding'
  from: string
  to: string
  amount: bigint
}

/** The bonding curve sold out (pump.fun `complete`). */
export type CompletionEvent = EventLocation & {
  kind: 'complete'
  token: string
}

/** Liquidity moved: migration to an AMM pool, or liquidity added/removed (a pull is a rug signal). */
export type LiquidityEvent = EventLocation & {
  kind: 'liquidity'
  token: string
  action: 'migrate' | 'add' | 'remove'
  pool: string
  nativeAmount: bigint
  tokenAmount: bigint
  provider: string
}
