const f32 = new Float32Array(1)
const u32 = new Uint32Array(f32.buffer)

/**
 * IEEE 754 half-precision bits of a number, rounded to nearest even (overflow to infinity, NaN kept).
 *
 * @example
 * toFloat16(1) // 0x3c00
 * toFloat16(-2) // 0xc000
 */
export function toFloat16(value: number): number {
  f32[0] = value
  const x = u32[0]!
  const sign = (x >>> 16) & 0x8000
  const exp = (x >>> 23) & 0xff
  let mant = x & 0x7fffff
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0)
  let e = exp - 127 + 15
  if (e >= 0x1f) return sign | 0x7c00
  if (e <= 0) {
    if (e < -10) return sign
    mant |= 0x800000
    const shift = 14 - e
    let half = mant >>> shift
    const rest = mant & ((1 << shift) - 1)
    const mid = 1 << (shift - 1)
    if (rest > mid || (rest === mid && half & 1)) half++
    return sign | half
  }
  let half = (e << 10) | (mant >>> 13)
  const rest = mant & 0x1fff
  if (rest > 0x1000 || (rest === 0x1000 && half & 1)) half++
  e = half >>> 10
  return sign | half
}
