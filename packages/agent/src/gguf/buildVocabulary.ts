import { vocabularyText } from './vocabularyText.ts'

/** Return type of {@link buildVocabulary}. */
export type Vocabulary = {
  tokens: string[]
  scores: Float32Array
  /** llama.cpp token types: 1 normal, 2 unknown, 3 control, 6 byte. */
  types: Int32Array
  /** BPE merges (`gpt2` only), in rank order. */
  merges: string[]
  bos: number
  eos: number
  unknown?: number
}

/**
 * Builds a tokenizer vocabulary of exactly `size` tokens for a generated model. `llama` (SentencePiece, as
 * llama.cpp reads it): `<unk>`, `<s>`, `</s>`, the 256 byte-fallback tokens, then the most frequent character
 * n-grams of an English text (`▁` for spaces) and filler pieces. `gpt2` (byte-level BPE, as Qwen2 uses): the
 * 256 byte symbols, then prefix-closed n-grams with one merge each, filler, and the Qwen chat specials at the end.
 *
 * @example
 * const vocab = buildVocabulary('llama', 32_000)
 */
export function buildVocabulary(kind: 'llama' | 'gpt2', size: number): Vocabulary {
  const tokens: string[] = []
  const types: number[] = []
  const merges: string[] = []
  const seen = new Set<string>()
  const add = (t: string, type = 1) => {
    if (seen.has(t) || tokens.length >= size) return false
    seen.add(t)
    tokens.push(t)
    types.push(type)
    return true
  }
  const specials =
    kind === 'llama' ? ['<unk>', '<s>', '</s>'] : ['<|endoftext|>', '<|im_start|>', '<|im_end|>']
  const room = size - (kind === 'gpt2' ? specials.length : 0)
  if (kind === 'llama') {
    add('<unk>', 2)
    add('<s>', 3)
    add('</s>', 3)
    for (let b = 0; b < 256; b++) add(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`, 6)
  } else for (const c of byteSymbols()) add(c)
  const space = kind === 'llama' ? '▁' : 'Ġ'
  const text = vocabularyText.replace(/\s+/g, ' ')
  const counts = new Map<string, number>()
  for (let n = 1; n <= 8; n++) {
    for (let i = 0; i + n <= text.length; i++) {
      const gram = text.slice(i, i + n).replaceAll(' ', space)
      if (gram.slice(1).includes(space) || [...gram].some((c) => c.charCodeAt(0) > 255 && c !== space))
        continue
      counts.set(gram, (counts.get(gram) ?? 0) + 1)
    }
  }
  const grams = [...counts]
    .filter(([g, c]) => c > 1 || g.length === 1)
    .sort((a, b) => a[0].length - b[0].length || b[1] - a[1])
  const withMerge = (t: string) => {
    if (tokens.length >= room) return
    const chars = [...t]
    if (kind === 'gpt2') {
      if (chars.length < 2 || !seen.has(chars.slice(0, -1).join('')) || !seen.has(chars.at(-1)!)) return
      if (add(t)) merges.push(`${chars.slice(0, -1).join('')} ${chars.at(-1)}`)
    } else add(t)
  }
  for (const [gram] of grams) withMerge(gram)
  // Filler: every string over a-z by length (prefix-closed, so each has its merge), until the vocabulary is full.
  let layer = ['']
  while (tokens.length < room) {
    const next: string[] = []
    for (const p of layer)
      for (let c = 97; c <= 122 && tokens.length < room; c++) {
        next.push(p + String.fromCharCode(c))
        withMerge(p + String.fromCharCode(c))
      }
    layer = next
  }
  if (kind === 'gpt2') for (const s of specials) add(s, 3)
  const scores = new Float32Array(tokens.length).map((_, i) => (types[i] === 1 ? -i : 0))
  return kind === 'llama'
    ? { tokens, scores, types: Int32Array.from(types), merges, bos: 1, eos: 2, unknown: 0 }
    : { tokens, scores, types: Int32Array.from(types), merges, bos: size - 3, eos: size - 1 }
}

/** GPT-2's byte-to-unicode table: printable bytes stand for themselves, the rest map to U+0100 and up. */
function byteSymbols(): string[] {
  const out: string[] = []
  let extra = 0
  for (let b = 0; b < 256; b++) {
    const printable = (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255)
    out[b] = String.fromCharCode(printable ? b : 256 + extra++)
  }
  return out
}
