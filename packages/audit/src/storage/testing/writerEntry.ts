/** What {@link writerEntry} returns: the entry a test writer appends as its `seq`-th, and its secret if any. */
export type WriterEntry = { data: Uint8Array; secret: Uint8Array | undefined }

/**
 * The deterministic entry that test writer `writer` appends as number `seq`: the text `writer:seq:` padded to
 * `bytes` bytes, with a secret on every fourth entry. Writers and checkers derive it the same way, so a checker
 * can tell exactly what an acknowledged index must hold.
 *
 * @example
 * writerEntry('w1', 7, 200).data // 'w1:7:' followed by padding, 200 bytes
 */
export function writerEntry(writer: string, seq: number, bytes: number): WriterEntry {
  const head = `${writer}:${seq}:`
  const text = head + '#'.repeat(Math.max(0, bytes - head.length))
  const encoder = new TextEncoder()
  return {
    data: encoder.encode(text),
    secret: seq % 4 === 0 ? encoder.encode(`secret of ${writer}:${seq}`) : undefined,
  }
}
