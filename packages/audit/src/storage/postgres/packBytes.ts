/** What {@link packBytes} returns: one buffer, and where each value starts (1-based, as SQL counts) and ends. */
export type PackBytesReturnType = { blob: Buffer; starts: number[]; lengths: number[] }

/**
 * Concatenates byte strings into one buffer, which node-postgres sends as a single binary parameter, with
 * their 1-based start positions and lengths for `substring(blob FROM start FOR length)` on the server. Parsing
 * a `bytea[]` literal costs the server about as much as inserting the rows; one binary blob costs next to nothing.
 *
 * @example
 * const { blob, starts, lengths } = packBytes([a, b]) // starts [1, 1 + a.length]
 */
export function packBytes(values: readonly Uint8Array[]): PackBytesReturnType {
  const starts: number[] = []
  const lengths: number[] = []
  let at = 1
  for (const value of values) {
    starts.push(at)
    lengths.push(value.length)
    at += value.length
  }
  return { blob: Buffer.concat(values), starts, lengths }
}
