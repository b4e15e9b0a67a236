import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readGgufFileInfo } from 'node-llama-cpp'
import { afterAll, describe, expect, it } from 'vitest'
import { buildVocabulary } from './buildVocabulary.ts'
import { encodeGgufHeader } from './encodeGgufHeader.ts'
import { encodeTensorData } from './encodeTensorData.ts'
import { tensorBytes } from './ggmlTypes.ts'
import { deepSeekR1DistillQwen1_5B } from './ModelShape.ts'
import { modelMetadata } from './modelMetadata.ts'
import { modelTensors } from './modelTensors.ts'
import { toFloat16 } from './toFloat16.ts'

const dir = mkdtempSync(join(tmpdir(), 'sextant-gguf-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function fromFloat16(h: number): number {
  const e = (h >> 10) & 0x1f
  const m = h & 0x3ff
  const v =
    e === 0
      ? m * 2 ** -24
      : e === 31
        ? m
          ? Number.NaN
          : Number.POSITIVE_INFINITY
        : (1 + m / 1024) * 2 ** (e - 15)
  return h & 0x8000 ? -v : v
}

describe('GGUF writer', () => {
  it('converts to half precision with round-to-nearest-even', () => {
    expect(toFloat16(1)).toBe(0x3c00)
    expect(toFloat16(-2)).toBe(0xc000)
    expect(toFloat16(65504)).toBe(0x7bff)
    expect(toFloat16(1e6)).toBe(0x7c00)
    expect(toFloat16(2 ** -24)).toBe(1)
    expect(toFloat16(1 + 2 ** -11)).toBe(0x3c00) // tie, to even
    expect(toFloat16(1 + 3 * 2 ** -11)).toBe(0x3c02)
    for (const x of [0.1, -0.333, Math.PI, 1e-3])
      expect(Math.abs(fromFloat16(toFloat16(x)) - x)).toBeLessThan(Math.abs(x) * 1e-3)
  })

  it('quantizes Q8_0 and Q4_0 blocks as ggml does (dequantized error within one step)', () => {
    const values = Float32Array.from({ length: 64 }, (_, i) => Math.sin(i * 1.7) * (i < 32 ? 1 : 0.01))
    const q8 = encodeTensorData('Q8_0', values, 64)
    const q4 = encodeTensorData('Q4_0', values, 64)
    expect(q8.length).toBe(68)
    expect(q4.length).toBe(36)
    const v8 = new DataView(q8.buffer)
    const v4 = new DataView(q4.buffer)
    for (let b = 0; b < 2; b++) {
      const d8 = fromFloat16(v8.getUint16(b * 34, true))
      const d4 = fromFloat16(v4.getUint16(b * 18, true))
      for (let j = 0; j < 32; j++) {
        const x = values[b * 32 + j]!
        expect(Math.abs(v8.getInt8(b * 34 + 2 + j) * d8 - x)).toBeLessThanOrEqual(
          Math.abs(d8) * 0.51 + Math.abs(x) * 1e-3,
        )
        const byte = q4[b * 18 + 2 + (j % 16)]!
        const q = j < 16 ? byte & 15 : byte >> 4
        // The extreme opposite the block's signed maximum clamps to 7: one step, as in ggml.
        expect(Math.abs((q - 8) * d4 - x)).toBeLessThanOrEqual(Math.abs(d4) + 1e-6)
      }
    }
    expect(() => encodeTensorData('Q4_0', new Float32Array(31), 31)).toThrow(/multiple of the block size/)
  })

  it('builds exact-size vocabularies whose BPE merges only join existing tokens', () => {
    const spm = buildVocabulary('llama', 32_000)
    expect(spm.tokens.length).toBe(32_000)
    expect(spm.tokens.slice(0, 4)).toEqual(['<unk>', '<s>', '</s>', '<0x00>'])
    expect(spm.tokens).toContain('▁agent')
    const bpe = buildVocabulary('gpt2', 151_936)
    expect(bpe.tokens.length).toBe(151_936)
    expect(new Set(bpe.tokens).size).toBe(151_936)
    expect(bpe.tokens.at(-1)).toBe('<|im_end|>')
    const known = new Set(bpe.tokens)
    for (const merge of bpe.merges) {
      const [a, b] = merge.split(' ')
      expect(known.has(a!) && known.has(b!) && known.has(a! + b!)).toBe(true)
    }
    expect(bpe.tokens).toContain('Ġagent')
  })

  it("writes DeepSeek-R1-Distill-Qwen-1.5B's exact tensor shapes, read back by node-llama-cpp's GGUF parser", async () => {
    const shape = deepSeekR1DistillQwen1_5B
    for (const [type, gib] of [
      ['F16', 3.31],
      ['Q4_0', 0.94],
    ] as const) {
      const tensors = modelTensors(shape, type)
      const vocab = buildVocabulary('gpt2', shape.vocabulary)
      const { header, dataBytes } = encodeGgufHeader(modelMetadata(shape, type, vocab, 'r1'), tensors)
      const path = join(dir, `r1-${type}.gguf`)
      writeFileSync(path, header)
      truncateSync(path, header.length + dataBytes) // sparse: the header is what is checked here
      const info = await readGgufFileInfo(path, { readTensorInfo: true })
      expect(info.version).toBe(3)
      expect(info.tensorCount).toBe(28 * 12 + 3)
      expect(info.metadata.general.architecture).toBe('qwen2')
      const params = tensors.reduce((n, t) => n + t.dims.reduce((a, b) => a * b, 1), 0)
      expect(params).toBe(1_777_088_000)
      const q = info.tensorInfo!.find((t) => t.name === 'blk.27.attn_k.weight')!
      expect(q.dimensions.map(Number)).toEqual([1536, 256])
      expect(
        info.tensorInfo!.find((t) => t.name === 'blk.0.ffn_down.weight')!.dimensions.map(Number),
      ).toEqual([8960, 1536])
      expect(dataBytes / 2 ** 30).toBeCloseTo(gib, 1)
      expect(tensorBytes(type, [1536, 151_936])).toBe(type === 'F16' ? 1536 * 151_936 * 2 : 48 * 18 * 151_936)
      expect(Buffer.from(header.subarray(0, 4)).toString()).toBe('GGUF')
    }
  })
})
