/**
 * The shape of a decoder-only transformer to generate: architecture (`llama`, or `qwen2` with q/k/v biases),
 * layers, widths, heads and vocabulary size.
 *
 * @example
 * const tiny: ModelShape = { architecture: 'llama', layers: 1, embedding: 8, heads: 2, kvHeads: 2, feedForward: 32, vocabulary: 32_000, context: 512 }
 */
export type ModelShape = {
  architecture: 'llama' | 'qwen2'
  layers: number
  embedding: number
  heads: number
  kvHeads: number
  feedForward: number
  vocabulary: number
  context: number
  /** Separate output projection (default true); false ties it to the token embedding. */
  untiedOutput?: boolean
  ropeFreqBase?: number
}

/**
 * DeepSeek-R1-Distill-Qwen-1.5B's shape (its config.json): qwen2, 28 layers, hidden 1536, 12 query and 2 KV heads,
 * FFN 8960, vocabulary 151,936, an untied output head, RoPE base 10,000.
 *
 * @example
 * writeRandomModel({ path: 'r1-1.5b-q4_0.gguf', shape: deepSeekR1DistillQwen1_5B, type: 'Q4_0' })
 */
export const deepSeekR1DistillQwen1_5B: ModelShape = {
  architecture: 'qwen2',
  layers: 28,
  embedding: 1536,
  heads: 12,
  kvHeads: 2,
  feedForward: 8960,
  vocabulary: 151_936,
  context: 131_072,
  untiedOutput: true,
  ropeFreqBase: 10_000,
}

/**
 * The tiny test model: llama, 1 block, n_embd 8, 2 heads, FFN 32, a 32,000-token vocabulary (about 1.75 MB in F32).
 *
 * @example
 * writeRandomModel({ path: 'tiny.gguf', shape: tinyLlama })
 */
export const tinyLlama: ModelShape = {
  architecture: 'llama',
  layers: 1,
  embedding: 8,
  heads: 2,
  kvHeads: 2,
  feedForward: 32,
  vocabulary: 32_000,
  context: 512,
}
