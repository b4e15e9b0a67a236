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
 * await recorder.record({ 'gen_ai.operation.name': 'chat' }, startedAt)
 */
export function createSessionRecorder(log: AuditLog | undefined, id: SessionIdentity) {
  const indexes: number[] = []
  const nanos = (ms: number) => `${BigInt(Math.round(ms * 1000)) * 1000n}`
  return {
    indexes,
    async record(
      event: AiEvent,
      startedMs: number,
      options: { root?: boolean } = {},
    ): Promise<number | undefined> {
      if (!log) return undefined
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
      const { index } = await log.record(stamped)
      indexes.push(index)
      return index
    },
  }
}
