import { decodeEntry } from '@sextant/audit/events/decodeEntry'
import type { LogStorage } from '@sextant/audit/storage/LogStorage'

/** One agent session as indexed from the audit log. */
export type IndexedSession = {
  id: string
  agent: string
  indexes: number[]
  models: Set<string>
  payments: { allow: number; deny: number; other: number }
}

/** Return type of {@link createSessionIndex}. */
export type SessionIndex = {
  /** Reads entries appended since the last call and returns every session, most recently active first. */
  sessions(): Promise<IndexedSession[]>
}

/**
 * Groups the AI events of an audit log into agent sessions (by `gen_ai.conversation.id`, else `session.id`,
 * else `gen_ai.agent.id`), incrementally: each call reads only the entries appended since the previous one.
 * Opaque entries are skipped.
 *
 * @example
 * const index = createSessionIndex(log.storage)
 * const sessions = await index.sessions()
 */
export function createSessionIndex(storage: Pick<LogStorage, 'size' | 'readEntries'>): SessionIndex {
  const byId = new Map<string, IndexedSession>()
  let scanned = 0
  let scanning: Promise<void> | undefined
  const scan = async () => {
    const size = await storage.size()
    while (scanned < size) {
      const end = Math.min(size, scanned + 1000)
      const entries = await storage.readEntries(scanned, end)
      for (const [i, entry] of entries.entries()) add(scanned + i, entry)
      scanned = end
    }
  }
  const add = (index: number, entry: Uint8Array) => {
    let decoded: ReturnType<typeof decodeEntry>
    try {
      decoded = decodeEntry(entry)
    } catch {
      return
    }
    if (decoded.kind !== 'ai-event') return
    const f = decoded.publicFields as Record<string, unknown>
    const agent = String(f['gen_ai.agent.name'] ?? f['gen_ai.agent.id'] ?? 'unnamed agent')
    const id = String(
      f['gen_ai.conversation.id'] ?? f['session.id'] ?? f['gen_ai.agent.id'] ?? 'unnamed session',
    )
    let session = byId.get(id)
    if (!session) {
      session = { id, agent, indexes: [], models: new Set(), payments: { allow: 0, deny: 0, other: 0 } }
      byId.set(id, session)
    }
    session.indexes.push(index)
    if (typeof f['gen_ai.request.model'] === 'string') session.models.add(f['gen_ai.request.model'])
    if (f['gen_ai.operation.name'] === 'payment') {
      const decision = f['sextant.payment.decision']
      if (decision === 'allow') session.payments.allow++
      else if (decision === 'deny') session.payments.deny++
      else session.payments.other++
    }
  }
  return {
    async sessions() {
      scanning ??= scan().finally(() => {
        scanning = undefined
      })
      await scanning
      return [...byId.values()].sort((a, b) => b.indexes.at(-1)! - a.indexes.at(-1)!)
    },
  }
}
