import { randomBytes } from 'node:crypto'
import type { AiEvent } from '@sextant/audit/events/AiEvent'
import type { AuditLog } from '@sextant/audit/log/AuditLog'

/** Identity of a session's events: agent, conversation (session id), trace. */
export type SessionIdentity = {
  agentId: string
  agentName?: string
  sessionId: string
  traceId: string
  rootSpanId: string
}

/**
 * Stamps a session's AI events with the agent, conversation and trace ids (OTel GenAI / OTLP names), a fresh
 * span id under the session's root span, and start/end times in Unix nanoseconds, then records them in the
 * audit log (when there is one). Returns the log indexes recorded.
 *
 * @example
 * const recorder = createSessionRecorder(log, identity)
 * recorder.record({ 'gen_ai.operation.name': 'chat' }, startedAt)
 * await recorder.flush()
 */
export function createSessionRecorder(log: AuditLog | undefined, id: SessionIdentity) {
  const indexes: number[] = []
  let queued: AiEvent[] = []
  const nanos = (ms: number) => `${BigInt(Math.round(ms * 1000)) * 1000n}`
  return {
    indexes,
    /** Stamps and queues an event; `flush` appends the queue in order, so a step's events share one group commit. */
    record(event: AiEvent, startedMs: number, options: { root?: boolean } = {}): void {
      if (!log) return
      const stamped: AiEvent = {
        ...event,
        'gen_ai.agent.id': id.agentId,
        ...(id.agentName ? { 'gen_ai.agent.name': id.agentName } : {}),
        'gen_ai.conversation.id': id.sessionId,
        trace_id: id.traceId,
        span_id: options.root ? id.rootSpanId : randomBytes(8).toString('hex'),
        ...(options.root ? {} : { parent_span_id: id.rootSpanId }),
        start_time_unix_nano: nanos(startedMs),
        end_time_unix_nano: nanos(Math.max(startedMs, performance.timeOrigin + performance.now())),
      }
      queued.push(stamped)
    },
    /** Waits until every queued event is durable; throws if any could not be recorded. */
    async flush(): Promise<void> {
      if (!log || queued.length === 0) return
      const batch = queued
      queued = []
      for (const { index } of await Promise.all(batch.map((event) => log.record(event)))) indexes.push(index)
    },
  }
}
