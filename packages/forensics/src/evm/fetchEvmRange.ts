import { type Hash, numberToHex, type PublicClient } from 'viem'
import { IngestError } from '../errors/IngestError.ts'
import type { StoredBlock } from '../store/EventStore.ts'
import { type FundingCandidate, hasFundingCandidates } from './decodeFunding.ts'
import type { RawLog } from './RawLog.ts'

/** A fetched block: header, its candidate transactions and which of them succeeded. */
export type FetchedBlock = StoredBlock & { transactions: FundingCandidate[]; failed: Set<string> }

/** Return type of {@link fetchEvmRange}. */
export type FetchEvmRangeReturnType = { blocks: FetchedBlock[]; logs: RawLog[] }

/**
 * Fetches blocks `from..to` (with transactions) and all their logs, and checks they form one chain: every
 * block present (a missing one is a gap: error), each parent hash the previous hash, every log from the block
 * hash fetched. If the node switched forks mid-fetch the check fails and nothing is returned.
 *
 * @example
 * const { blocks, logs } = await fetchEvmRange(publicClient, 'eip155:1', 100, 199)
 */
export async function fetchEvmRange(
  client: PublicClient,
  chain: string,
  from: number,
  to: number,
): Promise<FetchEvmRangeReturnType> {
  const numbers = Array.from({ length: to - from + 1 }, (_, i) => from + i)
  const blocks: FetchedBlock[] = []
  for (let i = 0; i < numbers.length; i += 16) {
    const slice = numbers.slice(i, i + 16)
    blocks.push(...(await Promise.all(slice.map((n) => fetchBlock(client, chain, n)))))
  }
  for (let i = 1; i < blocks.length; i++) {
    if (blocks[i]!.parentHash !== blocks[i - 1]!.hash) {
      throw new IngestError('the chain changed while fetching a range', {
        details: `block ${blocks[i]!.number}`,
      })
    }
  }
  let raw: Awaited<ReturnType<PublicClient['getLogs']>>
  try {
    raw = await client.getLogs({ fromBlock: BigInt(from), toBlock: BigInt(to) })
  } catch (cause) {
    throw new IngestError('cannot fetch logs', { details: `blocks ${from}-${to}`, cause })
  }
  const hashes = new Map(blocks.map((b) => [b.number, b.hash]))
  const logs: RawLog[] = raw.map((l) => {
    const blockNumber = Number(l.blockNumber)
    if (hashes.get(blockNumber) !== l.blockHash) {
      throw new IngestError('a log is from another fork than its block', {
        details: `${l.transactionHash}/${l.logIndex}`,
      })
    }
    return {
      address: l.address,
      topics: l.topics,
      data: l.data,
      blockNumber,
      blockHash: l.blockHash!,
      transactionHash: l.transactionHash!,
      transactionIndex: Number(l.transactionIndex),
      logIndex: Number(l.logIndex),
      removed: l.removed,
    }
  })
  logs.sort((a, b) => a.blockNumber - b.blockNumber || a.logIndex - b.logIndex)
  return { blocks, logs }
}

async function fetchBlock(client: PublicClient, chain: string, number: number): Promise<FetchedBlock> {
  let block: Awaited<ReturnType<typeof client.getBlock<true>>> | null
  try {
    block = await client.getBlock({ blockNumber: BigInt(number), includeTransactions: true })
  } catch (cause) {
    throw new IngestError('block missing from the node', { details: `block ${number}`, cause })
  }
  if (!block?.hash) throw new IngestError('block missing from the node', { details: `block ${number}` })
  const transactions: FundingCandidate[] = block.transactions.map((tx) => ({
    hash: tx.hash,
    from: tx.from,
    to: tx.to ?? null,
    value: tx.value,
    input: tx.input,
    transactionIndex: Number(tx.transactionIndex),
  }))
  const failed = new Set<string>()
  if (hasFundingCandidates(transactions)) {
    const receipts = (await client.request({
      method: 'eth_getBlockReceipts' as never,
      params: [numberToHex(number)] as never,
    })) as { transactionHash: Hash; status: string }[] | null
    if (!receipts) throw new IngestError('receipts missing from the node', { details: `block ${number}` })
    for (const r of receipts) if (r.status !== '0x1') failed.add(r.transactionHash)
  }
  return {
    chain,
    number,
    hash: block.hash,
    parentHash: block.parentHash,
    timestamp: Number(block.timestamp),
    transactions,
    failed,
  }
}
