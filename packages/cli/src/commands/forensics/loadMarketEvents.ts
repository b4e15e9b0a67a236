import type { MarketEvent } from '@sextant/forensics/model/MarketEvent'
import type { Scenario } from '@sextant/forensics/sim/MarketPlan'
import { planMarket } from '@sextant/forensics/sim/planMarket'
import { planToEvents } from '@sextant/forensics/sim/planToEvents'
import { openEventStore } from '@sextant/forensics/store/openEventStore'

/** Where the analysis commands read events from. */
export type EventSourceOptions = { db?: string; simulate?: Scenario; seed?: number }

/**
 * All events of the chosen source: a simulated market (`--simulate <scenario> --seed <n>`, no chain) or
 * the event store that `sextant forensics ingest` fills (`--db`).
 *
 * @example
 * const events = await loadMarketEvents({ db: 'forensics.db' })
 */
export async function loadMarketEvents(options: EventSourceOptions): Promise<MarketEvent[]> {
  if (options.simulate)
    return planToEvents(planMarket({ seed: options.seed ?? 1, scenario: options.simulate }))
  const store = await openEventStore(options.db ?? 'forensics.db')
  try {
    return await store.readEvents()
  } finally {
    await store.close()
  }
}
