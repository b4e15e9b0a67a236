import { setTimeout as sleep } from 'node:timers/promises'
import { type CreateLogMonitorParameters, createLogMonitor } from './createLogMonitor.ts'
import type { MonitorEvent } from './MonitorEvent.ts'

/** Parameters of {@link monitorLog}. */
export type MonitorLogParameters = CreateLogMonitorParameters & {
  /** Milliseconds between polls; default 10 000. */
  interval?: number
  /** Stops the monitor: the iteration ends after the current round. */
  signal?: AbortSignal
}

/**
 * Follows a log: polls its checkpoint and every other source each `interval`, and yields what each round finds
 * (new trusted checkpoints, alerts with evidence, read errors) until `signal` aborts. See
 * {@link createLogMonitor} for the checks.
 *
 * @example
 * const controller = new AbortController()
 * for await (const event of monitorLog({ log, verifyCheckpoint, sources, interval: 5000, signal: controller.signal })) {
 *   if (event.type === 'alert') notify(event.kind, event.notes)
 * }
 */
export async function* monitorLog({
  interval = 10_000,
  signal,
  ...parameters
}: MonitorLogParameters): AsyncGenerator<MonitorEvent, void, undefined> {
  const monitor = createLogMonitor(parameters)
  while (!signal?.aborted) {
    yield* await monitor.poll()
    if (signal?.aborted) return
    await sleep(interval, undefined, signal ? { signal } : {}).catch(() => undefined)
  }
}
