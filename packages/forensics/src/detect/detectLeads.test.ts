import { describe, expect, it } from 'vitest'
import { buildWalletGraph } from '../graph/buildWalletGraph.ts'
import { getTokenState } from '../graph/getTokenState.ts'
import { createEventBuilder, UNIT } from '../graph/testing/createEventBuilder.ts'
import { defaultAnalysisOptions } from './AnalysisOptions.ts'
import { detectLeads } from './detectLeads.ts'

const followers = ['f1', 'f2', 'f3', 'f4']

/** A launch where `lead` buys at +100 and four wallets copy it within 4 s; `exits` plays the sells. */
function leadsOf(exits: (b: ReturnType<typeof createEventBuilder>) => void) {
  const b = createEventBuilder()
  b.launch(0, 'dev')
  b.buy(0, 'dev', 10_000_000n * UNIT)
  b.buy(100, 'lead', 20_000_000n * UNIT)
  for (const [i, f] of followers.entries()) b.buy(101 + i, f, 5_000_000n * UNIT)
  exits(b)
  const state = getTokenState(buildWalletGraph({ events: b.events }), 'T')
  const candidates = new Set(['lead', ...followers])
  return detectLeads({ state, candidates, entities: new Map(), options: defaultAnalysisOptions })
}

describe('detectLeads', () => {
  it('finds a lead that still holds from four copied entries', () => {
    expect(leadsOf(() => {})).toEqual([{ lead: 'lead', entity: 'lead', followers, confirmed: [] }])
  })

  it('finds a lead whose followers all left before it sold last, in the pool after the migration', () => {
    const leads = leadsOf((b) => {
      for (const [i, f] of followers.entries()) b.sell(600 + 300 * i, f, 5_000_000n * UNIT)
      Object.assign(b.sell(3_000, 'lead', 20_000_000n * UNIT), { venue: 'pool' })
    })
    expect(leads).toEqual([{ lead: 'lead', entity: 'lead', followers, confirmed: [] }])
  })

  it('finds a lead from two followers that copied its exit', () => {
    const leads = leadsOf((b) => {
      b.sell(500, 'lead', 20_000_000n * UNIT)
      b.sell(503, 'f1', 5_000_000n * UNIT)
      b.sell(506, 'f2', 5_000_000n * UNIT)
    })
    expect(leads).toEqual([{ lead: 'lead', entity: 'lead', followers, confirmed: ['f1', 'f2'] }])
  })

  it('does not make a lead of a wallet that sold first while the others held on past the window', () => {
    const leads = leadsOf((b) => {
      b.sell(500, 'lead', 20_000_000n * UNIT)
      b.sell(550, 'f1', 5_000_000n * UNIT)
      b.sell(700, 'f2', 5_000_000n * UNIT)
    })
    expect(leads).toEqual([])
  })
})
