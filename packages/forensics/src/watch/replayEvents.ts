import type { MarketEvent } from '../model/MarketEvent.ts'

/** Parameters of {@link replayEvents}. */
export type ReplayEventsParameters = {
  events: readonly MarketEvent[]
  /** Chain seconds per wall-clock second (default 0: as fast as possible). */
  speed?: number
  signal?: AbortSignal
}

/**
 * Plays a list of events as a live source (a simulated market, a saved capture), block by block, waiting
 * between blocks so that `speed` chain seconds pass per second.
 *
 * @example
 * for await (const event of replayEvents({ events: planToEvents(plan), speed: 60 })) monitor.push(event)
 */
export async function* replayEvents({
  events,
  speed = 0,
  signal,
}: ReplayEventsParameters): AsyncGenerator<MarketEvent> {
  let previous: number | undefined
  for (const event of events) {
    if (signal?.aborted) return
    const gap = previous === undefined ? 0 : event.timestamp - previous
    if (speed > 0 && gap > 0) await new Promise((resolve) => setTimeout(resolve, (gap * 1000) / speed))
    previous = event.timestamp
    yield event
  }
}
