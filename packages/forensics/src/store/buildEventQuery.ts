import { StoreError } from '../errors/StoreError.ts'
import type { EventFilter } from './EventStore.ts'

/** Parameters of {@link buildEventQuery}. */
export type BuildEventQueryParameters = {
  filter: EventFilter
  /** Placeholder for the n-th parameter (1-based): `?` for SQLite, `$n` for PostgreSQL. */
  placeholder: (n: number) => string
  select: string
}

/**
 * The SQL of a filtered event read, shared by both stores (`fx_events`, ordered by chain position).
 *
 * @example
 * const { sql, params } = buildEventQuery({ filter: { token }, placeholder: () => '?', select: '*' })
 */
export function buildEventQuery({ filter, placeholder, select }: BuildEventQueryParameters): {
  sql: string
  params: unknown[]
} {
  const where: string[] = []
  const params: unknown[] = []
  const add = (clause: (p: string) => string, value: unknown) => {
    params.push(value)
    where.push(clause(placeholder(params.length)))
  }
  if (filter.chain !== undefined) add((p) => `chain = ${p}`, filter.chain)
  if (filter.token !== undefined) add((p) => `token = ${p}`, filter.token)
  if (filter.fromBlock !== undefined) add((p) => `block >= ${p}`, filter.fromBlock)
  if (filter.toBlock !== undefined) add((p) => `block <= ${p}`, filter.toBlock)
  if (filter.kinds !== undefined) {
    if (filter.kinds.length === 0) where.push('1 = 0')
    const slots = filter.kinds.map((kind) => {
      params.push(kind)
      return placeholder(params.length)
    })
    if (slots.length > 0) where.push(`kind IN (${slots.join(', ')})`)
  }
  let sql = `SELECT ${select} FROM fx_events${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`
  if (select === '*') sql += ' ORDER BY chain, block, tx_index, log_index'
  if (filter.limit !== undefined) {
    if (!Number.isSafeInteger(filter.limit) || filter.limit < 0) {
      throw new StoreError('limit must be a non-negative integer', { details: String(filter.limit) })
    }
    params.push(filter.limit)
    sql += ` LIMIT ${placeholder(params.length)}`
  }
  return { sql, params }
}
