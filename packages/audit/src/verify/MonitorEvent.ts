/**
 * What a log monitor reports. `checkpoint`: a newer checkpoint was verified consistent with the previous one and
 * is now trusted. `alert`: evidence of misbehaviour, with the signed notes that prove it — `split-view` (two
 * checkpoints of one size with different roots), `inconsistent` (a checkpoint that is not an append-only
 * extension, or prefix, of the trusted one, or whose tiles do not match it), `anchor-mismatch` (the log
 * disagrees with an anchored tree head), `size-regressed` (the log served a smaller tree than before),
 * `bad-signature` (a source served a checkpoint that does not verify). `error`: a source or the log could not
 * be read this round.
 *
 * @example
 * for await (const event of monitorLog(parameters)) if (event.type === 'alert') page(event)
 */
export type MonitorEvent =
  | { type: 'checkpoint'; source: string; size: number; rootHash: Uint8Array; note: string }
  | {
      type: 'alert'
      kind: 'split-view' | 'inconsistent' | 'anchor-mismatch' | 'size-regressed' | 'bad-signature'
      source: string
      size?: number
      message: string
      /** The conflicting signed notes (evidence to gossip or publish). */
      notes: string[]
    }
  | { type: 'error'; source: string; message: string; error: unknown }
