import type { Alert, AlertSink } from '../alerts/Alert.ts'
import type { AlertMonitor } from '../alerts/createAlertMonitor.ts'
import { dispatchAlerts } from '../alerts/dispatchAlerts.ts'
import type { MarketEvent } from '../model/MarketEvent.ts'

/** Parameters of {@link watchMarket}. */
export type WatchMarketParameters = {
  source: AsyncIterable<MarketEvent>
  monitor: AlertMonitor
  sinks: readonly AlertSink[]
  /** A sink failed (the others still got the alert). */
  onError?: (error: unknown, sink: AlertSink, alert: Alert) => void
  /** Called with every alert after it was handed to the sinks. */
  onAlert?: (alert: Alert) => void
}

/** Return type of {@link watchMarket}: what passed through. */
export type WatchMarketReturnType = {
  events: number
  duplicates: number
  alerts: number
  failedDeliveries: number
}

/**
 * Runs the real-time loop: every event from the source goes through the alert monitor, and the alerts it
 * raises go to every sink as soon as they are raised. Ends when the source ends.
 *
 * @example
 * await watchMarket({ source: followEventStore(store, { signal }), monitor: createAlertMonitor(), sinks: [createStdoutSink()] })
 */
export async function watchMarket(parameters: WatchMarketParameters): Promise<WatchMarketReturnType> {
  const { source, monitor, sinks, onError, onAlert } = parameters
  const stats = { events: 0, duplicates: 0, alerts: 0, failedDeliveries: 0 }
  for await (const event of source) {
    const receivedAt = Date.now()
    const before = monitor.graph.seen.size
    const alerts = monitor.push(event, receivedAt)
    if (monitor.graph.seen.size === before) stats.duplicates++
    else stats.events++
    if (alerts.length === 0) continue
    stats.alerts += alerts.length
    stats.failedDeliveries += await dispatchAlerts({ sinks, alerts, ...(onError ? { onError } : {}) })
    for (const alert of alerts) onAlert?.(alert)
  }
  return stats
}
