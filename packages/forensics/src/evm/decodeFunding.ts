import type { MarketEvent } from '../model/MarketEvent.ts'
import { checksum, type EvmDecodeContext } from './EvmDecodeContext.ts'
import type { IngestFlag } from './RawLog.ts'

/** A transaction as ingestion needs it to find native funding. */
export type FundingCandidate = {
  hash: string
  from: string
  to: string | null
  value: bigint
  input: string
  transactionIndex: number
}

/**
 * Native-coin funding edges of one block: successful plain transfers (value, no calldata, a recipient). A
 * transaction that lacks its fields is flagged, not guessed at.
 *
 * @example
 * const { events } = decodeFunding(block, statuses, ctx)
 */
export function decodeFunding(
  block: { number: number; timestamp: number; transactions: readonly FundingCandidate[] },
  succeeded: (hash: string) => boolean,
  ctx: EvmDecodeContext,
): { events: MarketEvent[]; flags: IngestFlag[] } {
  const events: MarketEvent[] = []
  const flags: IngestFlag[] = []
  for (const tx of block.transactions) {
    if (
      typeof tx.hash !== 'string' ||
      typeof tx.from !== 'string' ||
      typeof tx.value !== 'bigint' ||
      typeof tx.input !== 'string'
    ) {
      flags.push({
        kind: 'malformed-transaction',
        chain: ctx.chain,
        block: block.number,
        tx: String(tx.hash),
        logIndex: -1,
        reason: 'transaction without hash, sender, value or input',
      })
      continue
    }
    if (tx.value === 0n || !tx.to || (tx.input !== '0x' && tx.input !== '') || !succeeded(tx.hash)) continue
    events.push({
      chain: ctx.chain,
      block: block.number,
      timestamp: block.timestamp,
      tx: tx.hash,
      txIndex: tx.transactionIndex,
      logIndex: -1,
      kind: 'funding',
      from: checksum(ctx, tx.from),
      to: checksum(ctx, tx.to),
      amount: tx.value,
    })
  }
  return { events, flags }
}

/**
 * Whether a block has transactions {@link decodeFunding} may keep (so receipts are fetched only then).
 *
 * @example
 * if (hasFundingCandidates(block.transactions)) { … fetch receipts … }
 */
export function hasFundingCandidates(transactions: readonly FundingCandidate[]): boolean {
  return transactions.some((tx) => tx.value > 0n && !!tx.to && (tx.input === '0x' || tx.input === ''))
}
