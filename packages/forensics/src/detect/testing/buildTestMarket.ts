import { createEventBuilder, type EventBuilder, UNIT } from '../../graph/testing/createEventBuilder.ts'

/**
 * A small hand-made market with every cast member: a dev with a bundler and a 3-hop insider, two snipers,
 * a cabal (hub, lead, four members) that pumps and dumps, a wash ring of three and three organic traders,
 * all funded from one exchange `cex` that keeps a float.
 *
 * @example
 * const { events } = buildTestMarket()
 */
export function buildTestMarket(): EventBuilder {
  const b = createEventBuilder()
  b.fund(0, 'root', 'cex', 10_000n * UNIT)
  b.fund(1, 'cex', 'dev', 10n * UNIT)
  b.fund(2, 'dev', 'r1', 2n * UNIT)
  b.fund(3, 'r1', 'r2', 2n * UNIT)
  b.fund(4, 'r2', 'ins1', 2n * UNIT)
  b.fund(5, 'dev', 'rb', 2n * UNIT)
  b.fund(6, 'rb', 'bun1', 2n * UNIT)
  b.fund(8, 'cex', 's1')
  b.fund(8, 'cex', 's2')
  b.launch(10, 'dev')
  b.buy(10, 'dev', 50_000_000n * UNIT)
  b.buy(10, 'bun1', 40_000_000n * UNIT)
  b.buy(11, 's1', 10_000_000n * UNIT)
  b.buy(12, 's2', 10_000_000n * UNIT)
  b.buy(15, 'ins1', 30_000_000n * UNIT)
  b.fund(20, 'cex', 'hub', 6n * UNIT)
  for (const [i, w] of ['lead', 'm1', 'm2', 'm3', 'm4'].entries()) b.fund(22 + i, 'hub', w, UNIT)
  b.buy(30, 'lead', 60_000_000n * UNIT)
  for (const [i, w] of ['m1', 'm2', 'm3', 'm4'].entries()) b.buy(30 + i, w, 20_000_000n * UNIT)
  b.fund(35, 'cex', 'hub2', 3n * UNIT)
  for (const w of ['w1', 'w2', 'w3']) b.fund(36, 'hub2', w, UNIT)
  for (let round = 0; round < 3; round++) {
    const t = 40 + round * 10
    const ring = ['w1', 'w2', 'w3'].map((_, k, all) => all[(round + k) % 3]!)
    b.buy(t, ring[0]!, 5_000_000n * UNIT)
    b.transfer(t + 1, ring[0]!, ring[1]!, 5_000_000n * UNIT)
    b.transfer(t + 2, ring[1]!, ring[2]!, 5_000_000n * UNIT)
    b.sell(t + 3, ring[2]!, 5_000_000n * UNIT)
  }
  b.fund(55, 'cex', 'o1')
  b.buy(60, 'o1', 3_000_000n * UNIT)
  b.fund(150, 'cex', 'o2')
  b.buy(200, 'o2', 3_000_000n * UNIT)
  b.fund(0, 'cex', 'o3')
  b.buy(1500, 'o3', 3_000_000n * UNIT)
  b.sell(300, 'lead', 60_000_000n * UNIT)
  for (const [i, w] of ['m1', 'm2', 'm3', 'm4'].entries()) b.sell(301 + i, w, 20_000_000n * UNIT)
  b.sell(40, 's1', 10_000_000n * UNIT)
  return b
}
