import type { Vocabulary } from './buildVocabulary.ts'
import type { GgufValue } from './GgufValue.ts'
import type { GgmlTypeName } from './ggmlTypes.ts'
import type { ModelShape } from './ModelShape.ts'

const fileTypes: Record<GgmlTypeName, number> = { F32: 0, F16: 1, Q4_0: 2, Q8_0: 7 }

/**
 * The GGUF key/values of a generated model: architecture hyperparameters under `<arch>.*`, `general.*`, and the
 * tokenizer (`llama` SentencePiece for llama, `gpt2` BPE with the `qwen2` pre-tokenizer and a ChatML template for
 * qwen2).
 *
 * @example
 * const metadata = modelMetadata(tinyLlama, 'F32', buildVocabulary('llama', 32_000), 'tiny')
 */
export function modelMetadata(
  shape: ModelShape,
  type: GgmlTypeName,
  vocab: Vocabulary,
  name: string,
): [string, GgufValue][] {
  const a = shape.architecture
  const u32 = (value: number): GgufValue => ({ type: 'u32', value })
  const f32 = (value: number): GgufValue => ({ type: 'f32', value })
  const str = (value: string): GgufValue => ({ type: 'string', value })
  const out: [string, GgufValue][] = [
    ['general.architecture', str(a)],
    ['general.name', str(name)],
    ['general.file_type', u32(fileTypes[type])],
    ['general.quantization_version', u32(2)],
    [`${a}.context_length`, u32(shape.context)],
    [`${a}.embedding_length`, u32(shape.embedding)],
    [`${a}.block_count`, u32(shape.layers)],
    [`${a}.feed_forward_length`, u32(shape.feedForward)],
    [`${a}.attention.head_count`, u32(shape.heads)],
    [`${a}.attention.head_count_kv`, u32(shape.kvHeads)],
    [`${a}.attention.layer_norm_rms_epsilon`, f32(1e-6)],
    [`${a}.rope.freq_base`, f32(shape.ropeFreqBase ?? 10_000)],
    [`${a}.rope.dimension_count`, u32(shape.embedding / shape.heads)],
    ['tokenizer.ggml.model', str(a === 'qwen2' ? 'gpt2' : 'llama')],
    ['tokenizer.ggml.tokens', { type: 'array', itemType: 'string', values: vocab.tokens }],
    ['tokenizer.ggml.token_type', { type: 'array', itemType: 'i32', values: vocab.types }],
    ['tokenizer.ggml.bos_token_id', u32(vocab.bos)],
    ['tokenizer.ggml.eos_token_id', u32(vocab.eos)],
  ]
  if (a === 'qwen2') {
    out.push(
      ['tokenizer.ggml.pre', str('qwen2')],
      ['tokenizer.ggml.merges', { type: 'array', itemType: 'string', values: vocab.merges }],
      ['tokenizer.ggml.add_bos_token', { type: 'bool', value: false }],
      [
        'tokenizer.chat_template',
        str(
          '{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}',
        ),
      ],
    )
  } else {
    out.push(
      ['tokenizer.ggml.scores', { type: 'array', itemType: 'f32', values: vocab.scores }],
      ['tokenizer.ggml.unknown_token_id', u32(vocab.unknown ?? 0)],
    )
  }
  return out
}
