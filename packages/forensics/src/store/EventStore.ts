import type { MarketEvent } from '../model/MarketEvent.ts'

/** A block the ingester has seen: kept so that a reorg can be detected by parent hash. */
export type StoredBlock = {
  chain: string
  number: number
  hash: string
  parentHash: string
  timestamp: number
}

/** Where an ingester stands: the last block whose events are all stored. */
export type Cursor = { key: string; chain: string; block: number; hash: string }

/** Parameters of {@link EventStore.commit}. */
export type CommitParameters = {
  blocks: readonly StoredBlock[]
  events: readonly MarketEvent[]
  /** Moved in the same transaction as the events (absent: events only). */
  cursor?: Cursor | undefined
}

/** Which events {@link EventStore.readEvents} returns. */
export type EventFilter = {
  chain?: string
  token?: string
  kinds?: readonly MarketEvent['kind'][]
  fromBlock?: number
  toBlock?: number
  limit?: number
}

/**
 * Where ingested events live: SQLite by default, PostgreSQL for several workers; both pass the same suite.
 * Events are unique by (chain, tx, logIndex) and by chain position (chain, block, txIndex, logIndex): storing one
 * twice changes nothing (a reorged block is rolled back before its replacement is stored). Events, the blocks they came
 * from and the cursor move in one transaction, so a crash never leaves the cursor ahead of the data.
 */
export type EventStore = {
  /** Stores blocks and events and moves the cursor, atomically; returns how many events were new. */
  commit(parameters: CommitParameters): Promise<{ inserted: number }>
  /**
   * Drops everything of `chain` from block `fromBlock` on (a reorg) and moves every cursor of that chain back to
   * the block before, in one transaction; returns how many events were removed.
   */
  rollback(chain: string, fromBlock: number): Promise<{ removed: number }>
  getCursor(key: string): Promise<Cursor | undefined>
  getBlock(chain: string, number: number): Promise<StoredBlock | undefined>
  /** Events in chain order (block, transaction, log). */
  readEvents(filter?: EventFilter): Promise<MarketEvent[]>
  countEvents(filter?: EventFilter): Promise<number>
  close(): Promise<void>
}
