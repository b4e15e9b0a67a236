import { GgufError } from '../errors/AgentError.ts'
import { type GgufValue, ggufValueTypes } from './GgufValue.ts'
import { type GgmlTypeName, ggmlTypes, tensorBytes } from './ggmlTypes.ts'

/** A tensor's description in a GGUF header: `dims[0]` is the row length (ggml's `ne[0]`). */
export type GgufTensorInfo = { name: string; dims: readonly number[]; type: GgmlTypeName }

/** Return type of {@link encodeGgufHeader}. */
export type EncodeGgufHeaderReturnType = {
  /** Magic, version, counts, key/values, tensor infos, padded to the alignment. */
  header: Uint8Array
  /** Each tensor's offset from the start of the data section. */
  offsets: number[]
  /** Bytes of the data section, padding included. */
  dataBytes: number
}

const encoder = new TextEncoder()

/**
 * Encodes a GGUF v3 header (little endian): magic `GGUF`, version 3, u64 tensor and key/value counts, the typed
 * key/values, each tensor's name, dims, type and offset (each aligned to `alignment`, default 32, which is also
 * written as `general.alignment`), padded so the data section starts aligned.
 *
 * @example
 * const { header, offsets } = encodeGgufHeader([['general.architecture', { type: 'string', value: 'llama' }]], tensors)
 */
export function encodeGgufHeader(
  metadata: ReadonlyArray<readonly [string, GgufValue]>,
  tensors: readonly GgufTensorInfo[],
  alignment = 32,
): EncodeGgufHeaderReturnType {
  const parts: Uint8Array[] = []
  const u32 = (n: number) => bytes(4, (v) => v.setUint32(0, n, true))
  const u64 = (n: number) => bytes(8, (v) => v.setBigUint64(0, BigInt(n), true))
  const str = (s: string) => {
    const b = encoder.encode(s)
    u64(b.length)
    parts.push(b)
  }
  function bytes(n: number, write: (v: DataView) => void) {
    const b = new Uint8Array(n)
    write(new DataView(b.buffer))
    parts.push(b)
  }
  const scalar = (type: string, value: number | boolean | string) => {
    if (type === 'string') str(value as string)
    else if (type === 'u32') u32(value as number)
    else if (type === 'u64') u64(value as number)
    else if (type === 'i32') bytes(4, (v) => v.setInt32(0, value as number, true))
    else if (type === 'f32') bytes(4, (v) => v.setFloat32(0, value as number, true))
    else bytes(1, (v) => v.setUint8(0, value ? 1 : 0))
  }
  const all: (readonly [string, GgufValue])[] = [
    ...metadata.filter(([k]) => k !== 'general.alignment'),
    ['general.alignment', { type: 'u32', value: alignment }],
  ]
  parts.push(encoder.encode('GGUF'))
  u32(3)
  u64(tensors.length)
  u64(all.length)
  for (const [key, value] of all) {
    str(key)
    u32(ggufValueTypes[value.type])
    if (value.type === 'array') {
      u32(ggufValueTypes[value.itemType])
      u64(value.values.length)
      for (let i = 0; i < value.values.length; i++) scalar(value.itemType, value.values[i]!)
    } else scalar(value.type, value.value)
  }
  const offsets: number[] = []
  let offset = 0
  const names = new Set<string>()
  for (const t of tensors) {
    if (names.has(t.name)) throw new GgufError('duplicate tensor name', { details: t.name })
    names.add(t.name)
    str(t.name)
    u32(t.dims.length)
    for (const d of t.dims) u64(d)
    u32(ggmlTypes[t.type].id)
    u64(offset)
    offsets.push(offset)
    offset += pad(tensorBytes(t.type, t.dims), alignment)
  }
  const length = parts.reduce((n, p) => n + p.length, 0)
  const header = new Uint8Array(pad(length, alignment))
  let at = 0
  for (const p of parts) {
    header.set(p, at)
    at += p.length
  }
  return { header, offsets, dataBytes: offset }
}

function pad(n: number, alignment: number): number {
  return Math.ceil(n / alignment) * alignment
}
