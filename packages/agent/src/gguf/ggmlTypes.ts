import { GgufError } from '../errors/AgentError.ts'

/**
 * The ggml tensor types this writer produces, with their GGUF type ids, elements per block and bytes per block.
 *
 * @example
 * ggmlTypes.Q4_0 // { id: 2, blockSize: 32, blockBytes: 18 }
 */
export const ggmlTypes = {
  F32: { id: 0, blockSize: 1, blockBytes: 4 },
  F16: { id: 1, blockSize: 1, blockBytes: 2 },
  Q4_0: { id: 2, blockSize: 32, blockBytes: 18 },
  Q8_0: { id: 8, blockSize: 32, blockBytes: 34 },
} as const

/** A tensor type name: `F32`, `F16`, `Q4_0` or `Q8_0`. */
export type GgmlTypeName = keyof typeof ggmlTypes

/**
 * Bytes a tensor of this type and shape takes (rows of `dims[0]` elements, which must fill whole blocks).
 *
 * @example
 * tensorBytes('Q8_0', [1536, 256]) // 1536 / 32 * 34 * 256
 */
export function tensorBytes(type: GgmlTypeName, dims: readonly number[]): number {
  const { blockSize, blockBytes } = ggmlTypes[type]
  const row = dims[0] ?? 1
  if (row % blockSize !== 0) {
    throw new GgufError('row length is not a multiple of the block size', {
      details: `${type} needs multiples of ${blockSize}, got ${row}`,
    })
  }
  const rows = dims.slice(1).reduce((a, b) => a * b, 1)
  return (row / blockSize) * blockBytes * rows
}
