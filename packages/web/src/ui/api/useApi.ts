import { useCallback, useEffect, useRef, useState } from 'react'
import { bootData } from './bootData.ts'
import { api } from './client.ts'
import { subscribeLive } from './live.ts'

/** What {@link useApi} returns. */
export type UseApiReturnType<T> = { data: T | undefined; error: Error | undefined; reload: () => void }

/**
 * Loads a JSON resource and reloads it whenever a live event of one of `topics` arrives (coalesced, so a burst
 * of events costs one request in flight plus one after it). The first page starts from the answer the server
 * rendered it with, when there is one, without fetching it again.
 *
 * @example
 * const { data } = useApi<AuditSummary>('/api/audit/summary', ['audit'])
 */
export function useApi<T>(path: string | undefined, topics: readonly string[] = []): UseApiReturnType<T> {
  const [data, setData] = useState<T | undefined>(() => (path ? bootData.take<T>(path) : undefined))
  const booted = useRef(data !== undefined)
  const [error, setError] = useState<Error>()
  const inFlight = useRef(false)
  const again = useRef(false)
  const load = useCallback(() => {
    if (!path) return
    if (inFlight.current) {
      again.current = true
      return
    }
    inFlight.current = true
    api<T>(path)
      .then((value) => {
        setData(value)
        setError(undefined)
      })
      .catch((e: Error) => setError(e))
      .finally(() => {
        inFlight.current = false
        if (again.current) {
          again.current = false
          load()
        }
      })
  }, [path])
  const topicKey = topics.join(',')
  useEffect(() => {
    if (booted.current) booted.current = false
    else load()
    if (topicKey === '') return
    const wanted = topicKey.split(',')
    return subscribeLive((event) => {
      if (wanted.includes(event.topic)) load()
    })
  }, [load, topicKey])
  return { data, error, reload: load }
}
