import { AlertSinkError } from '../errors/AnalysisError.ts'
import type { AlertMessage, AlertSink } from './Alert.ts'

/** Parameters of {@link createWebhookSink}. */
export type CreateWebhookSinkParameters = {
  /** http(s) URL that receives each alert as a JSON POST. */
  url: string
  /** Per-request timeout (default 5,000 ms). */
  timeoutMs?: number
  /** Extra attempts after a failure (default 2), 100 ms apart, doubling. */
  retries?: number
}

/**
 * An alert sink that POSTs each alert (or retraction) as JSON (`content-type: application/json`) to a webhook. A non-2xx
 * answer or a network error is retried, then throws `AlertSinkError`.
 *
 * @example
 * const sink = createWebhookSink({ url: 'http://127.0.0.1:9000/alerts' })
 * await sink.send(alert)
 */
export function createWebhookSink({
  url,
  timeoutMs = 5_000,
  retries = 2,
}: CreateWebhookSinkParameters): AlertSink {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch (cause) {
    throw new AlertSinkError('invalid webhook URL', { details: url, cause })
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new AlertSinkError('invalid webhook URL', { details: `${url}: only http and https` })
  }
  return {
    name: 'webhook',
    async send(message: AlertMessage) {
      let lastError: unknown
      for (let attempt = 0; attempt <= retries; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, 100 * 2 ** (attempt - 1)))
        try {
          const response = await fetch(parsed, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(message),
            signal: AbortSignal.timeout(timeoutMs),
          })
          await response.arrayBuffer()
          if (response.ok) return
          lastError = new Error(`HTTP ${response.status}`)
        } catch (error) {
          lastError = error
        }
      }
      throw new AlertSinkError('webhook failed', {
        details: `${url}: ${lastError instanceof Error ? lastError.message : String(lastError)} after ${retries + 1} attempts`,
        cause: lastError,
      })
    },
    async close() {},
  }
}
