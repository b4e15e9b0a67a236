import type { AiEvent } from '@sextant/audit/events/AiEvent'
import { decodeEntry } from '@sextant/audit/events/decodeEntry'
import type { AuditLog } from '@sextant/audit/log/AuditLog'
import { ReplayError } from '../errors/AgentError.ts'

/** One event of a session as read back: its log index, sealed entry bytes and opened event. */
export type SessionEvent = { index: number; entry: Uint8Array; event: AiEvent }

/**
 * Reads every event of a session (`gen_ai.conversation.id`) from the audit log, in log order, opening each with
 * its per-entry secret (the disclosure key). Throws ReplayError when the session has no events or an event's
 * private data was erased.
 *
 * @example
 * const events = await readSession(log, 's-1f2e…')
 */
export async function readSession(log: AuditLog, sessionId: string): Promise<SessionEvent[]> {
  const size = await log.storage.size()
  const out: SessionEvent[] = []
  for (let start = 0; start < size; start += 512) {
    const entries = await log.storage.readEntries(start, Math.min(size, start + 512))
    for (const [i, entry] of entries.entries()) {
      const decoded = decodeEntry(entry)
      if (decoded.kind !== 'ai-event' || decoded.publicFields['gen_ai.conversation.id'] !== sessionId)
        continue
      try {
        out.push({ index: start + i, entry, event: await log.readEvent(start + i) })
      } catch (cause) {
        throw new ReplayError('cannot open a session event', {
          details: `entry ${start + i} (erased?)`,
          cause,
        })
      }
    }
  }
  if (out.length === 0) throw new ReplayError('session not found in the log', { details: sessionId })
  return out
}
