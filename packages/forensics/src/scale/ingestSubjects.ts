/**
 * NATS names of one ingest job: its JetStream stream, the subject its block ranges are published on, and the
 * durable consumer the workers share (a work queue: each range goes to one worker at a time).
 *
 * @example
 * const { stream, subject, consumer } = ingestSubjects('mainnet-backfill')
 */
export function ingestSubjects(job: string): { stream: string; subject: string; consumer: string } {
  const safe = job.replace(/[^A-Za-z0-9_-]/g, '_')
  return { stream: `FX_INGEST_${safe}`, subject: `forensics.ingest.${safe}.ranges`, consumer: 'workers' }
}

/**
 * Subject of a token's alerts, `forensics.alerts.<token>` (subscribe to `forensics.alerts.>` for all).
 *
 * @example
 * nc.subscribe(alertSubject('0xToken…'))
 */
export function alertSubject(token: string): string {
  return `forensics.alerts.${token.replace(/[^A-Za-z0-9_-]/g, '_')}`
}

/** Stream that keeps published alerts (subjects `forensics.alerts.>`). */
export const ALERT_STREAM = 'FX_ALERTS'
