import { jetstream, jetstreamManager } from '@nats-io/jetstream'
import type { NatsConnection } from '@nats-io/transport-node'
import { ForensicsError } from '../errors/ForensicsError.ts'
import { ALERT_STREAM, alertSubject } from './ingestSubjects.ts'

/**
 * Publishes an alert about `token` on `forensics.alerts.<token>` as JSON (bigints as decimal strings). When a
 * JetStream stream captures the subject (see {@link ensureAlertStream}) the publish waits for its ack, so the
 * alert is persisted; otherwise it goes to live subscribers only.
 *
 * @example
 * await publishAlert(nc, token, { kind: 'dev-selling', score: 0.9 })
 */
export async function publishAlert(nc: NatsConnection, token: string, alert: unknown): Promise<void> {
  const subject = alertSubject(token)
  const payload = JSON.stringify(alert, (_, v) => (typeof v === 'bigint' ? v.toString() : v))
  try {
    const jsm = await jetstreamManager(nc)
    const captured = await jsm.streams.find(subject).catch(() => undefined)
    if (captured) await jetstream(nc).publish(subject, payload)
    else nc.publish(subject, payload)
  } catch (cause) {
    throw new ForensicsError('cannot publish the alert', { details: subject, cause })
  }
}

/**
 * Creates (if missing) the JetStream stream that keeps alerts: `FX_ALERTS` on `forensics.alerts.>` by default.
 *
 * @example
 * await ensureAlertStream(nc)
 */
export async function ensureAlertStream(
  nc: NatsConnection,
  { name = ALERT_STREAM, subjects = ['forensics.alerts.>'] }: { name?: string; subjects?: string[] } = {},
): Promise<void> {
  try {
    const jsm = await jetstreamManager(nc)
    await jsm.streams
      .info(name)
      .catch(() => jsm.streams.add({ name, subjects, max_age: 7 * 24 * 3600 * 1_000_000_000 }))
  } catch (cause) {
    throw new ForensicsError('cannot create the alert stream', { details: name, cause })
  }
}
