import type { Alert, AlertSink } from './Alert.ts'

/** Parameters of {@link dispatchAlerts}. */
export type DispatchAlertsParameters = {
  sinks: readonly AlertSink[]
  alerts: readonly Alert[]
  /** Called for each sink that failed (the others still get the alert). */
  onError?: (error: unknown, sink: AlertSink, alert: Alert) => void
}

/**
 * Sends alerts to every sink in parallel; one failing sink (a webhook down) never stops the others.
 * Returns the number of deliveries that failed.
 *
 * @example
 * await dispatchAlerts({ sinks: [stdout, webhook], alerts, onError: (e) => console.error(e) })
 */
export async function dispatchAlerts({ sinks, alerts, onError }: DispatchAlertsParameters): Promise<number> {
  let failed = 0
  await Promise.all(
    alerts.flatMap((alert) =>
      sinks.map(async (sink) => {
        try {
          await sink.send(alert)
        } catch (error) {
          failed++
          onError?.(error, sink, alert)
        }
      }),
    ),
  )
  return failed
}
