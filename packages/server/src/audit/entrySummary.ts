import { decodeEntry } from '@sextant/audit/events/decodeEntry'

/** What the entry list shows of one entry: its public fields (AI events) or its size (opaque entries). */
export type EntrySummary = {
  index: number
  kind: 'ai-event' | 'opaque' | 'invalid'
  bytes: number
  /** The entry's public fields (never the private ones), for AI events. */
  fields?: Record<string, unknown>
  /** Whether its private data is still held (false once erased, or for opaque entries). */
  private: boolean
}

/**
 * Summarises a stored entry for listings; malformed AI events show as `invalid` instead of failing the page.
 *
 * @example
 * const summary = entrySummary(3, bytes, true)
 */
export function entrySummary(index: number, entry: Uint8Array, hasSecret: boolean): EntrySummary {
  try {
    const decoded = decodeEntry(entry)
    if (decoded.kind === 'ai-event') {
      return {
        index,
        kind: 'ai-event',
        bytes: entry.length,
        fields: decoded.publicFields,
        private: hasSecret,
      }
    }
    return { index, kind: 'opaque', bytes: entry.length, private: hasSecret }
  } catch {
    return { index, kind: 'invalid', bytes: entry.length, private: hasSecret }
  }
}
