import { closeSync, openSync, writeSync } from 'node:fs'
import { GgufError } from '../errors/AgentError.ts'
import { encodeGgufHeader, type GgufTensorInfo } from './encodeGgufHeader.ts'
import { encodeTensorData } from './encodeTensorData.ts'
import type { GgufValue } from './GgufValue.ts'
import { tensorBytes } from './ggmlTypes.ts'

/** A tensor to write: its header info and its values, produced a few rows at a time. */
export type GgufTensor = GgufTensorInfo & {
  /** Values of rows `[row, row + rows)`, row-major, `rows * dims[0]` of them. */
  values(row: number, rows: number): Float32Array
}

/** Parameters of {@link writeGguf}. */
export type WriteGgufParameters = {
  path: string
  metadata: ReadonlyArray<readonly [string, GgufValue]>
  tensors: readonly GgufTensor[]
  alignment?: number
  /** Called after each tensor with the bytes written so far and the file's total size. */
  progress?: (written: number, total: number) => void
}

/**
 * Writes a GGUF v3 file, streaming tensor data a chunk of rows at a time so that multi-gigabyte models never
 * sit in memory. Returns the file's size in bytes.
 *
 * @example
 * const bytes = writeGguf({ path: 'tiny.gguf', metadata, tensors })
 */
export function writeGguf(parameters: WriteGgufParameters): number {
  const { path, metadata, tensors, alignment = 32 } = parameters
  const { header, offsets, dataBytes } = encodeGgufHeader(metadata, tensors, alignment)
  const total = header.length + dataBytes
  const fd = openSync(path, 'w')
  try {
    writeSync(fd, header)
    let written = header.length
    for (const [i, t] of tensors.entries()) {
      const start = header.length + offsets[i]!
      if (written < start) written += writeSync(fd, new Uint8Array(start - written))
      const rowLength = t.dims[0] ?? 1
      const rowCount = t.dims.slice(1).reduce((a, b) => a * b, 1)
      const rowsPerChunk = Math.max(1, Math.floor(262_144 / rowLength))
      for (let row = 0; row < rowCount; row += rowsPerChunk) {
        const rows = Math.min(rowsPerChunk, rowCount - row)
        const values = t.values(row, rows)
        if (values.length !== rows * rowLength) {
          throw new GgufError('tensor produced the wrong number of values', {
            details: `${t.name}: rows ${row}+${rows}, expected ${rows * rowLength}, got ${values.length}`,
          })
        }
        written += writeSync(fd, encodeTensorData(t.type, values, rowLength))
      }
      if (written !== start + tensorBytes(t.type, t.dims)) {
        throw new GgufError('tensor data has the wrong size', { details: t.name })
      }
      parameters.progress?.(written, total)
    }
    if (written < total) written += writeSync(fd, new Uint8Array(total - written))
    return written
  } finally {
    closeSync(fd)
  }
}
