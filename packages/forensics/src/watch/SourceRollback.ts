/**
 * An item a watch source yields besides events: the chain reorganised, so every event of `chain` from block
 * `fromBlock` on is void (the ingester has already dropped them from the store) and the monitor must roll back.
 */
export type SourceRollback = { kind: 'rollback'; chain: string; fromBlock: number }
