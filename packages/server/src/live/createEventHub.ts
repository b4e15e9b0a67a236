import type { LiveEvent } from './LiveEvent.ts'

/** Return type of {@link createEventHub}. */
export type EventHub = {
  /** Stamps and delivers an event to every subscriber; returns it. A throwing subscriber is dropped. */
  publish(topic: string, type: string, data: unknown): LiveEvent
  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: (event: LiveEvent) => void): () => void
  /** The last events (at most `keep`), oldest first, for clients that connect late. */
  recent(): LiveEvent[]
}

/**
 * An in-process publish/subscribe hub for live updates: modules publish, the WebSocket route fans out.
 *
 * @example
 * const hub = createEventHub()
 * const stop = hub.subscribe((event) => console.log(event.topic, event.type))
 * hub.publish('audit', 'entry', { index: 3 })
 */
export function createEventHub({ keep = 200 }: { keep?: number } = {}): EventHub {
  const listeners = new Set<(event: LiveEvent) => void>()
  const history: LiveEvent[] = []
  let seq = 0
  return {
    publish(topic, type, data) {
      const event: LiveEvent = { seq: ++seq, topic, type, at: Date.now(), data }
      history.push(event)
      if (history.length > keep) history.splice(0, history.length - keep)
      for (const listener of listeners) {
        try {
          listener(event)
        } catch {
          listeners.delete(listener)
        }
      }
      return event
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    recent: () => [...history],
  }
}
