import type { GgmlTypeName } from './ggmlTypes.ts'
import { tensorBytes } from './ggmlTypes.ts'
import { toFloat16 } from './toFloat16.ts'

/**
 * Encodes row-major float values (rows of `rowLength`) as ggml tensor data: F32, F16, or the Q8_0 and Q4_0 block
 * formats (per 32 values: an f16 scale, then 32 int8 / 16 bytes of 4-bit pairs, as ggml's reference
 * quantizers `quantize_row_q8_0_ref` and `quantize_row_q4_0_ref` write them).
 *
 * @example
 * const bytes = encodeTensorData('Q4_0', new Float32Array(64).fill(0.5), 64)
 */
export function encodeTensorData(type: GgmlTypeName, values: Float32Array, rowLength: number): Uint8Array {
  const out = new Uint8Array(tensorBytes(type, [rowLength, values.length / rowLength]))
  const view = new DataView(out.buffer)
  if (type === 'F32') {
    for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i]!, true)
  } else if (type === 'F16') {
    for (let i = 0; i < values.length; i++) view.setUint16(i * 2, toFloat16(values[i]!), true)
  } else if (type === 'Q8_0') {
    for (let b = 0; b < values.length / 32; b++) {
      let amax = 0
      for (let j = 0; j < 32; j++) amax = Math.max(amax, Math.abs(values[b * 32 + j]!))
      const d = amax / 127
      const id = d ? 1 / d : 0
      view.setUint16(b * 34, toFloat16(d), true)
      for (let j = 0; j < 32; j++) view.setInt8(b * 34 + 2 + j, Math.round(values[b * 32 + j]! * id))
    }
  } else {
    for (let b = 0; b < values.length / 32; b++) {
      let amax = 0
      let max = 0
      for (let j = 0; j < 32; j++) {
        const v = values[b * 32 + j]!
        if (Math.abs(v) > amax) {
          amax = Math.abs(v)
          max = v
        }
      }
      const d = max / -8
      const id = d ? 1 / d : 0
      view.setUint16(b * 18, toFloat16(d), true)
      for (let j = 0; j < 16; j++) {
        const x0 = Math.min(15, Math.trunc(values[b * 32 + j]! * id + 8.5))
        const x1 = Math.min(15, Math.trunc(values[b * 32 + 16 + j]! * id + 8.5))
        out[b * 18 + 2 + j] = x0 | (x1 << 4)
      }
    }
  }
  return out
}
