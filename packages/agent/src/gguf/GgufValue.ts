/**
 * A typed GGUF metadata value.
 *
 * @example
 * const v: GgufValue = { type: 'u32', value: 1536 }
 * const tokens: GgufValue = { type: 'array', itemType: 'string', values: ['<s>', '</s>'] }
 */
export type GgufValue =
  | { type: 'u32' | 'i32' | 'f32' | 'u64'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'string'; value: string }
  | { type: 'array'; itemType: 'string'; values: readonly string[] }
  | { type: 'array'; itemType: 'f32' | 'i32'; values: ArrayLike<number> }

/** GGUF's value-type ids. */
export const ggufValueTypes = { u32: 4, i32: 5, f32: 6, bool: 7, string: 8, array: 9, u64: 10 } as const
