import { buildVocabulary } from './buildVocabulary.ts'
import type { GgmlTypeName } from './ggmlTypes.ts'
import type { ModelShape } from './ModelShape.ts'
import { modelMetadata } from './modelMetadata.ts'
import { modelTensors } from './modelTensors.ts'
import { writeGguf } from './writeGguf.ts'

/** Parameters of {@link writeRandomModel}. */
export type WriteRandomModelParameters = {
  path: string
  shape: ModelShape
  /** Type of the weight matrices (default F32; norms and biases stay F32). */
  type?: GgmlTypeName
  /** Seed of the weights (default 1): the same seed writes the same bytes. */
  seed?: number
  name?: string
  progress?: (written: number, total: number) => void
}

/**
 * Writes a random-weight GGUF model of the given shape that llama.cpp (and node-llama-cpp) loads and runs: real
 * tensor layout and tokenizer, uniform random weights scaled by 1/sqrt(fan-in), unit norms. For tests and for
 * measuring speed without downloadable weights. Returns the file size in bytes.
 *
 * @example
 * writeRandomModel({ path: 'tiny.gguf', shape: tinyLlama, seed: 7 })
 */
export function writeRandomModel(parameters: WriteRandomModelParameters): number {
  const { path, shape, type = 'F32', seed = 1 } = parameters
  const vocab = buildVocabulary(shape.architecture === 'qwen2' ? 'gpt2' : 'llama', shape.vocabulary)
  const metadata = modelMetadata(
    shape,
    type,
    vocab,
    parameters.name ?? `sextant-random-${shape.architecture}`,
  )
  const tensors = modelTensors(shape, type).map((t, index) => {
    const fanIn = t.dims[0]!
    const scale = t.init === 'ones' ? 0 : Math.sqrt(3 / fanIn)
    return {
      ...t,
      values: (row: number, rows: number) => {
        const out = new Float32Array(rows * fanIn)
        if (t.init === 'ones') return out.fill(1)
        // One stream per tensor and row: any chunking writes the same values.
        for (let r = 0; r < rows; r++) {
          let s =
            (Math.imul(seed, 0x9e3779b1) ^
              Math.imul(index + 1, 0x85ebca6b) ^
              Math.imul(row + r + 1, 0xc2b2ae35)) >>>
            0
          for (let c = 0; c < fanIn; c++) {
            s = (s + 0x6d2b79f5) >>> 0
            let x = Math.imul(s ^ (s >>> 15), s | 1)
            x ^= x + Math.imul(x ^ (x >>> 7), x | 61)
            out[r * fanIn + c] = ((((x ^ (x >>> 14)) >>> 0) / 2 ** 32) * 2 - 1) * scale
          }
        }
        return out
      },
    }
  })
  return writeGguf({
    path,
    metadata,
    tensors,
    ...(parameters.progress ? { progress: parameters.progress } : {}),
  })
}
