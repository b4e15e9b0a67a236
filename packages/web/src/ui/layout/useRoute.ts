import { useEffect, useState } from 'react'

// The server renders the default page (`#/audit`): it never sees the hash.
const read = () =>
  typeof window === 'undefined' ? [] : window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean)

/**
 * The current hash route split into segments: `#/forensics/token/0xabc` → `['forensics', 'token', '0xabc']`.
 *
 * @example
 * const [page = 'audit', ...rest] = useRoute()
 */
export function useRoute(): string[] {
  const [route, setRoute] = useState(read)
  useEffect(() => {
    const onChange = () => setRoute(read())
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return route
}
