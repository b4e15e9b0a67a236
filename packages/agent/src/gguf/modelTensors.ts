import type { GgmlTypeName } from './ggmlTypes.ts'
import type { ModelShape } from './ModelShape.ts'

/** A tensor of a generated model, before values: its name, dims, type and how to initialize it. */
export type ModelTensor = { name: string; dims: number[]; type: GgmlTypeName; init: 'ones' | 'random' }

/**
 * The tensors llama.cpp expects for a llama or qwen2 model of this shape, named and shaped as `convert_hf_to_gguf`
 * writes them (`dims[0]` is the input width). Matrices get `type`; norms and biases stay F32, as in
 * llama.cpp's own quantized files.
 *
 * @example
 * modelTensors(tinyLlama, 'F32').map((t) => t.name) // ['token_embd.weight', 'output_norm.weight', …]
 */
export function modelTensors(shape: ModelShape, type: GgmlTypeName): ModelTensor[] {
  const { embedding: e, heads, kvHeads, feedForward: ff, vocabulary: v } = shape
  const kv = (e / heads) * kvHeads
  const matrix = (name: string, dims: number[]): ModelTensor => ({ name, dims, type, init: 'random' })
  const vector = (name: string, n: number, init: 'ones' | 'random'): ModelTensor => ({
    name,
    dims: [n],
    type: 'F32',
    init,
  })
  const out = [matrix('token_embd.weight', [e, v]), vector('output_norm.weight', e, 'ones')]
  if (shape.untiedOutput !== false) out.push(matrix('output.weight', [e, v]))
  for (let i = 0; i < shape.layers; i++) {
    const b = `blk.${i}`
    out.push(
      vector(`${b}.attn_norm.weight`, e, 'ones'),
      matrix(`${b}.attn_q.weight`, [e, e]),
      matrix(`${b}.attn_k.weight`, [e, kv]),
      matrix(`${b}.attn_v.weight`, [e, kv]),
    )
    if (shape.architecture === 'qwen2') {
      out.push(
        vector(`${b}.attn_q.bias`, e, 'random'),
        vector(`${b}.attn_k.bias`, kv, 'random'),
        vector(`${b}.attn_v.bias`, kv, 'random'),
      )
    }
    out.push(
      matrix(`${b}.attn_output.weight`, [e, e]),
      vector(`${b}.ffn_norm.weight`, e, 'ones'),
      matrix(`${b}.ffn_gate.weight`, [e, ff]),
      matrix(`${b}.ffn_up.weight`, [e, ff]),
      matrix(`${b}.ffn_down.weight`, [ff, e]),
    )
  }
  return out
}
