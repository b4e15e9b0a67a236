import type { Alert, AlertSink } from './Alert.ts'

/** Parameters of {@link createStdoutSink}. */
export type CreateStdoutSinkParameters = {
  /** One JSON object per line instead of readable text. */
  json?: boolean
  /** Where lines go (default `process.stdout.write`). */
  write?: (line: string) => void
}

/**
 * An alert sink that prints each alert on one line: readable text, or JSON lines with `json: true`.
 *
 * @example
 * const sink = createStdoutSink({ json: true })
 * await sink.send(alert)
 */
export function createStdoutSink({ json = false, write }: CreateStdoutSinkParameters = {}): AlertSink {
  const out = write ?? ((line: string) => void process.stdout.write(line))
  return {
    name: 'stdout',
    async send(alert: Alert) {
      out(json ? `${JSON.stringify(alert)}\n` : `${formatAlert(alert)}\n`)
    },
    async close() {},
  }
}

function formatAlert(alert: Alert): string {
  const time = new Date(alert.timestamp * 1000).toISOString()
  const tag = alert.severity === 'critical' ? 'CRITICAL' : 'WARNING '
  return `${time} ${tag} ${alert.kind.padEnd(20)} ${alert.token} block ${alert.block}: ${alert.message}`
}
