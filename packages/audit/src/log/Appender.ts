/** Options of {@link Appender.append}. */
export type AppendOptions = {
  /** The entry's private secret, written in the same transaction and kept off the tree (see LogStorage). */
  secret?: Uint8Array
}

/**
 * Group commit over a LogStorage: concurrent appends of one process share transactions, so a burst of N
 * appends costs one durable commit instead of N.
 *
 * @example
 * const appender = createAppender(storage)
 * const { index } = await appender.append(new TextEncoder().encode('event'))
 */
export type Appender = {
  /**
   * Queues an entry; resolves with its index once the transaction holding it committed (durable), rejects if
   * that transaction failed (then none of its entries was written). Bad or oversize input rejects with
   * InvalidInputError before anything is queued.
   */
  append(data: Uint8Array, options?: AppendOptions): Promise<{ index: number }>
  /** Commits everything queued so far; resolves once it has settled (failures reject the appends themselves). */
  flush(): Promise<void>
  /** Flushes, then rejects further appends. Leaves the storage open: its owner closes it. */
  close(): Promise<void>
}
