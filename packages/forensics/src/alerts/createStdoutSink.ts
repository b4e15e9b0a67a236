import type { AlertMessage, AlertSink } from './Alert.ts'

/** Parameters of {@link createStdoutSink}. */
export type CreateStdoutSinkParameters = {
  /** One JSON object per line instead of readable text. */
  json?: boolean
  /** Where lines go (default `process.stdout.write`). */
  write?: (line: string) => void
}

/**
 * An alert sink that prints each alert (or retraction) on one line: readable text, or JSON lines with
 * `json: true`. A retraction reads `… RETRACTED <kind> <token> block <n>: void: … (alert <id>)`.
 *
 * @example
 * const sink = createStdoutSink({ json: true })
 * await sink.send(alert)
 */
export function createStdoutSink({ json = false, write }: CreateStdoutSinkParameters = {}): AlertSink {
  const out = write ?? ((line: string) => void process.stdout.write(line))
  return {
    name: 'stdout',
    async send(message: AlertMessage) {
      out(json ? `${JSON.stringify(message)}\n` : `${formatMessage(message)}\n`)
    },
    async close() {},
  }
}

function formatMessage(message: AlertMessage): string {
  if (message.type === 'retraction') {
    const time = new Date(message.retractedAt).toISOString()
    return `${time} RETRACTED ${message.kind.padEnd(20)} ${message.token} block ${message.block}: ${message.message} (alert ${message.alertId})`
  }
  const time = new Date(message.timestamp * 1000).toISOString()
  const tag = message.severity === 'critical' ? 'CRITICAL' : 'WARNING '
  return `${time} ${tag} ${message.kind.padEnd(20)} ${message.token} block ${message.block}: ${message.message}`
}
