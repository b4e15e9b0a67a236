/** Parameters of {@link insertEventsSql}. */
export type InsertEventsSqlParameters = {
  /** Rows the statement inserts. */
  rows: number
  /** Placeholder for the n-th parameter (1-based): `?` for SQLite, `$n` for PostgreSQL. */
  placeholder: (n: number) => string
}

/** Columns of an event row, in the order {@link insertEventsSql} binds them. */
export const eventColumnCount = 9

/**
 * A multi-row `INSERT … ON CONFLICT DO NOTHING` into `fx_events`, shared by both stores: one statement step per
 * batch of rows, each value bound as a plain parameter (nothing to escape).
 *
 * @example
 * db.prepare(insertEventsSql({ rows: 1024, placeholder: () => '?' }))
 */
export function insertEventsSql({ rows, placeholder }: InsertEventsSqlParameters): string {
  const tuples: string[] = new Array(rows)
  for (let r = 0; r < rows; r++) {
    const slots: string[] = new Array(eventColumnCount)
    for (let c = 0; c < eventColumnCount; c++) slots[c] = placeholder(r * eventColumnCount + c + 1)
    tuples[r] = `(${slots.join(', ')})`
  }
  return `INSERT INTO fx_events (chain, block, timestamp, tx, tx_index, log_index, kind, token, data) VALUES ${tuples.join(
    ', ',
  )} ON CONFLICT DO NOTHING`
}
