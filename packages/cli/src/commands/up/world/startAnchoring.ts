import { anchorCheckpoint } from '@sextant/audit/anchor/anchorCheckpoint'
import { readAnchoredCheckpoint } from '@sextant/audit/anchor/readAnchoredCheckpoint'
import type { AuditLog } from '@sextant/audit/log/AuditLog'
import { treeHash } from '@sextant/audit/tree/treeHash'
import type { ConnectChainReturnType } from '@sextant/chain/clients/connectChain'
import type { Address, Hex } from 'viem'

/** Return type of {@link startAnchoring}. */
export type Anchoring = {
  /** Checkpoints the log and anchors it if it grew since the last anchor; resolves with the anchored size. */
  anchorNow(): Promise<number>
  stop(): Promise<void>
}

/**
 * Anchors the audit log on-chain periodically: each round signs a checkpoint and, if the tree grew past the
 * last anchored size, submits it with the consistency proof (the contract rejects anything else).
 *
 * @example
 * const anchoring = startAnchoring({ chain, log, anchor, logId, everyMs: 10_000, onAnchored: console.log })
 */
export function startAnchoring({
  chain,
  log,
  anchor,
  logId,
  everyMs,
  onAnchored,
  onError,
}: {
  chain: ConnectChainReturnType
  log: AuditLog
  anchor: Address
  logId: Hex
  everyMs: number
  onAnchored?: (result: { size: number; hash: Hex; gasUsed: bigint }) => void
  onError?: (error: unknown) => void
}): Anchoring {
  let running: Promise<number> | undefined
  const round = async () => {
    const checkpoint = await log.checkpoint()
    const anchored = (await readAnchoredCheckpoint(chain, { anchor, logId }))?.size ?? 0
    if (checkpoint.size <= anchored) return anchored
    const rootHash = await treeHash(log.storage, { size: checkpoint.size })
    const { hash, gasUsed } = await anchorCheckpoint(chain, log.storage, {
      anchor,
      logId,
      size: checkpoint.size,
      rootHash,
    })
    onAnchored?.({ size: checkpoint.size, hash, gasUsed })
    return checkpoint.size
  }
  const anchorNow = () => {
    running ??= round().finally(() => {
      running = undefined
    })
    return running
  }
  const timer = setInterval(() => anchorNow().catch((error) => onError?.(error)), everyMs)
  return {
    anchorNow,
    async stop() {
      clearInterval(timer)
      await running?.catch(() => {})
    },
  }
}
