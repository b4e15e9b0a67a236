import { InvalidInputError, ProofError } from '../errors/AuditError.ts'
import type { LogClient } from '../http/createLogClient.ts'
import { HASH_SIZE } from '../tiles/constants.ts'
import { createTileHashReader } from '../tiles/createTileHashReader.ts'
import { equalBytes } from '../tree/chain.ts'
import { emptyRoot } from '../tree/emptyRoot.ts'
import { treeHash } from '../tree/treeHash.ts'
import { verifyConsistency } from '../tree/verifyConsistency.ts'
import type { CheckpointSource } from './CheckpointSource.ts'
import type { CheckpointVerifier } from './CheckpointVerifier.ts'
import type { MonitorEvent } from './MonitorEvent.ts'
import type { TreeHead } from './TreeHead.ts'

/** Parameters of {@link createLogMonitor}. */
export type CreateLogMonitorParameters = {
  /** The log: its checkpoint (source `log`), its tiles and, for `proofs: 'endpoint'`, its proof endpoint. */
  log: Pick<LogClient, 'checkpoint' | 'tile'> & Partial<Pick<LogClient, 'consistencyProof'>>
  /** Opens a checkpoint note (signature by the log's key, origin); see {@link CheckpointVerifier}. */
  verifyCheckpoint: CheckpointVerifier
  /** Other places the log's checkpoints are read from: witnesses, gossip peers. */
  sources?: readonly CheckpointSource[]
  /** Anchored tree heads (e.g. read from the chain), asked for on every poll. */
  anchors?: () => readonly TreeHead[] | Promise<readonly TreeHead[]>
  /**
   * How consistency is checked: `tiles` (default) rebuilds the old root from the new tree's tiles, authenticated
   * against the new root; `endpoint` verifies a proof from `GET /proof/consistency`.
   */
  proofs?: 'tiles' | 'endpoint'
  /** A head trusted from an earlier run; without it the first checkpoint seen is trusted on first use. */
  trusted?: TreeHead & { note: string }
}

/** Return type of {@link createLogMonitor}. */
export type LogMonitor = {
  /** The latest checkpoint verified consistent with all before it (persist it to resume). */
  readonly head: (TreeHead & { note: string }) | undefined
  /** Reads every source once and checks what is new; resolves with this round's events. */
  poll(): Promise<MonitorEvent[]>
}

type Seen = TreeHead & { note: string; source: string }

/**
 * A log monitor driven one round at a time (see `monitorLog` for the polling loop). Each round reads the
 * checkpoint of the log and of every other source, verifies its signature, and checks it against everything
 * seen: same size and another root is a split view; a larger tree must extend the trusted head (consistency),
 * a smaller one must be its prefix; the log's own size must never shrink; and each anchored tree head must
 * agree with the trusted tree once it is that large. Alerts carry the conflicting signed notes.
 *
 * @example
 * const monitor = createLogMonitor({ log: createLogClient({ url }), verifyCheckpoint, sources: [witness] })
 * for (const event of await monitor.poll()) if (event.type === 'alert') console.error(event)
 */
export function createLogMonitor({
  log,
  verifyCheckpoint,
  sources = [],
  anchors,
  proofs = 'tiles',
  trusted,
}: CreateLogMonitorParameters): LogMonitor {
  if (sources.some((s) => s.name === 'log') || new Set(sources.map((s) => s.name)).size !== sources.length) {
    throw new InvalidInputError('checkpoint source names must be unique and not "log"')
  }
  if (proofs === 'endpoint' && !log.consistencyProof) {
    throw new InvalidInputError('proofs: "endpoint" needs a log client with consistencyProof')
  }
  let head: Seen | undefined = trusted && { ...trusted, source: 'trusted' }
  let lastFromLog: Seen | undefined
  const seen = new Map<number, Seen>(head ? [[head.size, head]] : [])
  const reported = new Set<string>()
  /** Notes already accepted or alerted on: not examined again. */
  const judged = new Set<string>()
  const anchorsChecked = new Set<string>()

  /** Undefined if `prefix` is the first `prefix.size` entries of `tree`, else why not. Throws if unreadable. */
  const whyNotPrefix = async (prefix: TreeHead, tree: TreeHead): Promise<string | undefined> => {
    if (prefix.size === tree.size)
      return equalBytes(prefix.rootHash, tree.rootHash) ? undefined : 'roots differ'
    if (prefix.size === 0) return equalBytes(prefix.rootHash, emptyRoot()) ? undefined : 'not the empty root'
    try {
      if (proofs === 'endpoint') {
        const proof = await log.consistencyProof!({ from: prefix.size, to: tree.size })
        verifyConsistency({
          size1: prefix.size,
          size2: tree.size,
          root1: prefix.rootHash,
          root2: tree.rootHash,
          proof,
        })
        return undefined
      }
      const reader = createTileHashReader({
        ...tree,
        readTiles: (tiles) => Promise.all(tiles.map((tile) => log.tile(tile))),
      })
      const root = await treeHash(reader, { size: prefix.size })
      return equalBytes(root, prefix.rootHash)
        ? undefined
        : `the tree of ${tree.size} has another root at ${prefix.size}`
    } catch (error) {
      if (error instanceof ProofError) return error.message
      throw error
    }
  }

  const alert = (events: MonitorEvent[], event: Omit<Extract<MonitorEvent, { type: 'alert' }>, 'type'>) => {
    const key = `${event.kind}\u0000${event.notes.join('\u0000')}`
    if (reported.has(key)) return
    reported.add(key)
    events.push({ type: 'alert', ...event })
  }

  const consider = async (events: MonitorEvent[], checkpoint: Seen) => {
    const { source, size, note } = checkpoint
    const known = seen.get(size)
    if (known && !equalBytes(known.rootHash, checkpoint.rootHash)) {
      const message = `${known.source} and ${source} served checkpoints of size ${size} with different roots`
      alert(events, { kind: 'split-view', source, size, message, notes: [known.note, note] })
      return
    }
    if (source === 'log') {
      if (lastFromLog && size < lastFromLog.size) {
        const message = `the log went back from size ${lastFromLog.size} to ${size}`
        alert(events, { kind: 'size-regressed', source, size, message, notes: [lastFromLog.note, note] })
      }
      lastFromLog = checkpoint
    }
    if (known || judged.has(note)) return
    const trustedHead = head
    if (trustedHead) {
      const [prefix, tree] = size > trustedHead.size ? [trustedHead, checkpoint] : [checkpoint, trustedHead]
      const why = await whyNotPrefix(prefix, tree)
      judged.add(note)
      if (why !== undefined) {
        const message = `checkpoint of size ${size} is inconsistent with the trusted one of size ${trustedHead.size}: ${why}`
        alert(events, { kind: 'inconsistent', source, size, message, notes: [trustedHead.note, note] })
        return
      }
    }
    judged.add(note)
    seen.set(size, checkpoint)
    if (!head || size > head.size) {
      head = checkpoint
      events.push({ type: 'checkpoint', source, size, rootHash: checkpoint.rootHash, note })
    }
  }

  const checkAnchors = async (events: MonitorEvent[]) => {
    if (!anchors || !head) return
    for (const anchor of await anchors()) {
      if (!Number.isSafeInteger(anchor.size) || anchor.rootHash?.length !== HASH_SIZE) {
        throw new InvalidInputError('invalid anchor', { details: `size ${anchor.size}` })
      }
      const key = `${anchor.size}:${Buffer.from(anchor.rootHash).toString('hex')}`
      if (anchorsChecked.has(key) || anchor.size > head.size) continue
      const why = await whyNotPrefix(anchor, head)
      anchorsChecked.add(key)
      if (why !== undefined) {
        const message = `the anchored tree head of size ${anchor.size} disagrees with the log: ${why}`
        alert(events, {
          kind: 'anchor-mismatch',
          source: 'anchor',
          size: anchor.size,
          message,
          notes: [head.note],
        })
      }
    }
  }

  const guard = async (events: MonitorEvent[], source: string, step: () => Promise<void>) => {
    try {
      await step()
    } catch (error) {
      events.push({
        type: 'error',
        source,
        message: error instanceof Error ? error.message : String(error),
        error,
      })
    }
  }

  return {
    get head() {
      return head && { size: head.size, rootHash: head.rootHash, note: head.note }
    },
    async poll() {
      const events: MonitorEvent[] = []
      const all = [{ name: 'log', checkpoint: () => log.checkpoint() }, ...sources]
      const notes = await Promise.allSettled(all.map((s) => s.checkpoint()))
      for (const [i, result] of notes.entries()) {
        const source = all[i]!.name
        await guard(events, source, async () => {
          if (result.status === 'rejected') throw result.reason
          const note = result.value
          let tree: TreeHead
          try {
            tree = await verifyCheckpoint(note)
            if (!Number.isSafeInteger(tree.size) || tree.size < 0 || tree.rootHash?.length !== HASH_SIZE) {
              throw new InvalidInputError('the checkpoint verifier returned an invalid tree head')
            }
          } catch (error) {
            const message = `${source} served a checkpoint that does not verify: ${(error as Error).message}`
            alert(events, { kind: 'bad-signature', source, message, notes: [note] })
            return
          }
          await consider(events, { size: tree.size, rootHash: tree.rootHash, note, source })
        })
      }
      await guard(events, 'anchor', () => checkAnchors(events))
      return events
    },
  }
}
