import type { Address } from 'viem'
import type { MarketScript } from '../createPlanBuilder.ts'

/**
 * 15–30 wash rounds of a ring from block `start`: one wallet buys, the tokens hop along the ring, the last one
 * sells them back; rounds 20–200 blocks apart. Returns the block after the last round.
 *
 * @example
 * const end = castWashRounds(b, ring, 400)
 */
export function castWashRounds(b: MarketScript, ring: Address[], start: number): number {
  const { rng } = b
  const size = ring.length
  let at = start
  const rounds = rng.int(15, 30)
  for (let r = 0; r < rounds; r++) {
    const first = rng.int(0, size - 1)
    const hops = rng.int(1, size - 1)
    const path = Array.from({ length: hops + 1 }, (_, k) => ring[(first + k) % size]!)
    b.buy(at, path[0]!, rng.ether(0.5, 3))
    for (let k = 0; k < hops; k++) b.transfer(at + k + 1, path[k]!, path[k + 1]!, 1)
    b.sell(at + hops + 1, path[hops]!, 1)
    at += rng.int(20, 200)
  }
  return at
}
