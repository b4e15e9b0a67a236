import { logIdOf } from '@sextant/audit/anchor/logIdOf'
import { readAnchoredCheckpoint } from '@sextant/audit/anchor/readAnchoredCheckpoint'
import type { TreeHead } from '@sextant/audit/verify/TreeHead'
import { type Address, createPublicClient, http } from 'viem'

/** Options naming an on-chain anchor to check a log against. */
export type AnchorOptions = { rpcUrl?: string; anchor?: Address; operator?: Address }

/**
 * Reads the anchored tree head of a log (by origin and operator) from any RPC; none when no anchor is named.
 *
 * @example
 * const heads = await chainAnchors({ rpcUrl, anchor, operator }, origin)
 */
export async function chainAnchors(options: AnchorOptions, origin: string): Promise<TreeHead[]> {
  if (!options.rpcUrl || !options.anchor || !options.operator) return []
  const publicClient = createPublicClient({ transport: http(options.rpcUrl) })
  const anchored = await readAnchoredCheckpoint(
    { publicClient: publicClient as never },
    { anchor: options.anchor, logId: logIdOf({ operator: options.operator, origin }) },
  )
  return anchored ? [{ size: anchored.size, rootHash: anchored.rootHash }] : []
}
