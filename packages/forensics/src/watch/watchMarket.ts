import type { Alert, AlertMessage, AlertSink } from '../alerts/Alert.ts'
import type { AlertMonitor, MonitorRollback } from '../alerts/createAlertMonitor.ts'
import { dispatchAlerts } from '../alerts/dispatchAlerts.ts'
import { retractAlert } from '../alerts/retractAlert.ts'
import type { MarketEvent } from '../model/MarketEvent.ts'
import type { SourceRollback } from './SourceRollback.ts'

/** Parameters of {@link watchMarket}. */
export type WatchMarketParameters = {
  /** Events, and reorgs where the source can see them (the ingester's queue, the followed store). */
  source: AsyncIterable<MarketEvent | SourceRollback>
  monitor: AlertMonitor
  sinks: readonly AlertSink[]
  /** A sink failed (the others still got the alert or retraction). */
  onError?: (error: unknown, sink: AlertSink, message: AlertMessage) => void
  /** Called with every alert after it was handed to the sinks. */
  onAlert?: (alert: Alert) => void
  /** Called after the monitor rolled back a reorg and the retractions were handed to the sinks. */
  onRollback?: (rollback: SourceRollback & MonitorRollback) => void
}

/** Return type of {@link watchMarket}: what passed through. */
export type WatchMarketReturnType = {
  events: number
  duplicates: number
  alerts: number
  /** Retractions of alerts that reorgs made void (one per alert, sent to every sink). */
  retractions: number
  failedDeliveries: number
  /** Reorgs rolled back. */
  rollbacks: number
}

/**
 * Runs the real-time loop: every event from the source goes through the alert monitor, and the alerts it
 * raises go to every sink as soon as they are raised. A reorg from the source rolls the monitor back (no
 * restart needed) and sends every sink a retraction ({@link retractAlert}) of each alert it made void, also
 * to a sink whose delivery of the alert failed (a timed-out POST may still have arrived). Ends when the source
 * ends.
 *
 * @example
 * await watchMarket({ source: followEventStore(store, { signal }), monitor: createAlertMonitor(), sinks: [createStdoutSink()] })
 */
export async function watchMarket(parameters: WatchMarketParameters): Promise<WatchMarketReturnType> {
  const { source, monitor, sinks, onError, onAlert, onRollback } = parameters
  const stats = { events: 0, duplicates: 0, alerts: 0, retractions: 0, failedDeliveries: 0, rollbacks: 0 }
  const deliver = async (messages: AlertMessage[]) => {
    stats.failedDeliveries += await dispatchAlerts({ sinks, messages, ...(onError ? { onError } : {}) })
  }
  for await (const event of source) {
    if (event.kind === 'rollback') {
      stats.rollbacks++
      const undone = monitor.rollback(event.chain, event.fromBlock)
      stats.retractions += undone.retracted.length
      await deliver(undone.retracted.map((alert) => retractAlert(alert, event)))
      onRollback?.({ ...event, ...undone })
      continue
    }
    const receivedAt = Date.now()
    const before = monitor.graph.seen.size
    const alerts = monitor.push(event, receivedAt)
    if (monitor.graph.seen.size === before) stats.duplicates++
    else stats.events++
    if (alerts.length === 0) continue
    stats.alerts += alerts.length
    await deliver(alerts)
    for (const alert of alerts) onAlert?.(alert)
  }
  return stats
}
