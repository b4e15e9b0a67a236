import { sha256 } from '@noble/hashes/sha2.js'
import { utf8ToBytes } from '@noble/hashes/utils.js'

/** A seeded pseudo-random source (sfc32): the same label always gives the same sequence. */
export type Rng = {
  /** Uniform in [0, 1). */
  next(): number
  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number
  /** Uniform in [min, max). */
  between(min: number, max: number): number
  /** True with probability `p`. */
  chance(p: number): boolean
  /** A uniformly chosen element (the array must not be empty). */
  pick<T>(items: readonly T[]): T
  /** Ether amount in [min, max) ETH, log-uniform, as wei rounded to 1e12. */
  ether(min: number, max: number): bigint
}

/**
 * Creates the simulator's seeded PRNG, keyed by a label (e.g. `7/cabal`) hashed with SHA-256.
 *
 * @example
 * const rng = createRng('7/cabal')
 * rng.int(1, 6) // same value on every run
 */
export function createRng(label: string): Rng {
  const h = sha256(utf8ToBytes(`sextant/sim/rng/${label}`))
  const view = new DataView(h.buffer, h.byteOffset, h.byteLength)
  let a = view.getUint32(0)
  let b = view.getUint32(4)
  let c = view.getUint32(8)
  let d = view.getUint32(12)
  const next = () => {
    a >>>= 0
    b >>>= 0
    c >>>= 0
    d >>>= 0
    let t = (a + b) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    d = (d + 1) | 0
    t = (t + d) | 0
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
  for (let i = 0; i < 12; i++) next()
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    between: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    ether: (min, max) => {
      const value = Math.exp(Math.log(min) + next() * (Math.log(max) - Math.log(min)))
      return BigInt(Math.round(value * 1e6)) * 10n ** 12n
    },
  }
  return rng
}
