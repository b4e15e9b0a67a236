/** A log as `eth_getLogs` returns it (hex quantities already parsed to numbers). */
export type RawLog = {
  address: string
  topics: readonly string[]
  data: string
  blockNumber: number
  blockHash: string
  transactionHash: string
  transactionIndex: number
  logIndex: number
  removed?: boolean
}

/** Something ingestion skipped and why: kept beside the events so nothing is dropped silently. */
export type IngestFlag = {
  kind: 'malformed-log' | 'impostor' | 'malformed-transaction'
  chain: string
  block: number
  tx: string
  logIndex: number
  reason: string
}
