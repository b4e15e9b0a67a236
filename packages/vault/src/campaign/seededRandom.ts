/**
 * A small seeded PRNG (mulberry32) so a campaign is reproducible from its seed.
 *
 * @example
 * const rng = seededRandom(42)
 * rng.int(10) // 0..9
 */
export function seededRandom(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  }
}

/** The generator {@link seededRandom} returns. */
export type Random = ReturnType<typeof seededRandom>
