import { signCheckpoint } from '../checkpoint/signCheckpoint.ts'
import type { NoteSigner } from '../note/NoteSigner.ts'
import type { LogStorage, StoredCheckpoint } from '../storage/LogStorage.ts'
import { treeHash } from '../tree/treeHash.ts'

/** Parameters of {@link createCheckpointer}. */
export type CreateCheckpointerParameters = {
  signer: NoteSigner
  /** After an append, sign within this many milliseconds (0 = only when asked). */
  intervalMs: number
}

/** Return type of {@link createCheckpointer}. */
export type Checkpointer = {
  /** Signs and stores a checkpoint of the current size if it grew; returns the latest checkpoint. */
  checkpoint(): Promise<StoredCheckpoint>
  /** Tells the checkpointer the log grew: a checkpoint follows within `intervalMs`. */
  poke(): void
  close(): Promise<void>
}

/**
 * Signs C2SP checkpoints of a log: on demand, and within `intervalMs` of growth. Checkpoints are serialized, so
 * two are never signed for one size. Other processes appending to the same storage are covered too: the size
 * is read from storage.
 *
 * @example
 * const checkpointer = createCheckpointer(storage, { signer, intervalMs: 250 })
 * const latest = await checkpointer.checkpoint()
 */
export function createCheckpointer(
  storage: LogStorage,
  { signer, intervalMs }: CreateCheckpointerParameters,
): Checkpointer {
  let chain: Promise<StoredCheckpoint | undefined> = Promise.resolve(undefined)
  let timer: NodeJS.Timeout | undefined
  let closed = false

  const sign = async (): Promise<StoredCheckpoint> => {
    const size = await storage.size()
    const latest = await storage.latestCheckpoint()
    if (latest && latest.size >= size) return latest
    const rootHash = await treeHash(storage, { size })
    const note = signCheckpoint({ checkpoint: { origin: storage.origin, size, rootHash }, signers: [signer] })
    await storage.putCheckpoint({ size, note })
    return (await storage.getCheckpoint(size))!
  }
  const checkpoint = (): Promise<StoredCheckpoint> => {
    const next = chain.then(sign, sign)
    chain = next.catch(() => undefined)
    return next
  }
  return {
    checkpoint,
    poke: () => {
      if (closed || intervalMs <= 0 || timer) return
      timer = setTimeout(() => {
        timer = undefined
        checkpoint().catch(() => undefined)
      }, intervalMs)
    },
    close: async () => {
      closed = true
      if (timer) clearTimeout(timer)
      timer = undefined
      await chain
    },
  }
}
