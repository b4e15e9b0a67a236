import type { AlertMessage, AlertSink } from './Alert.ts'

/** Parameters of {@link dispatchAlerts}. */
export type DispatchAlertsParameters = {
  sinks: readonly AlertSink[]
  /** Alerts, or retractions of alerts a reorg made void. */
  messages: readonly AlertMessage[]
  /** Called for each sink that failed (the others still get the message). */
  onError?: (error: unknown, sink: AlertSink, message: AlertMessage) => void
}

/**
 * Sends alerts (or retractions) to every sink in parallel; one failing sink (a webhook down) never stops the
 * others. Returns the number of deliveries that failed.
 *
 * @example
 * await dispatchAlerts({ sinks: [stdout, webhook], messages: alerts, onError: (e) => console.error(e) })
 */
export async function dispatchAlerts({
  sinks,
  messages,
  onError,
}: DispatchAlertsParameters): Promise<number> {
  let failed = 0
  await Promise.all(
    messages.flatMap((message) =>
      sinks.map(async (sink) => {
        try {
          await sink.send(message)
        } catch (error) {
          failed++
          onError?.(error, sink, message)
        }
      }),
    ),
  )
  return failed
}
