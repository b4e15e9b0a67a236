import type { VaultClient } from './VaultClient.ts'

/**
 * The timestamp the next block will most likely carry (the node's pending block), the `now` a pre-flight
 * judges at. Windows only shrink as time passes, so an allow at this time stays an allow a few seconds later.
 *
 * @example
 * const now = await nextBlockTime(client)
 */
export async function nextBlockTime(client: Pick<VaultClient, 'publicClient'>): Promise<number> {
  const [pending, latest] = await Promise.all([
    client.publicClient.getBlock({ blockTag: 'pending' }).catch(() => undefined),
    client.publicClient.getBlock({ blockTag: 'latest' }),
  ])
  return Math.max(Number(pending?.timestamp ?? 0n), Number(latest.timestamp) + 1)
}
