let boot: { [path: string]: unknown } | undefined

/**
 * API answers the server rendered the first page with: in the server renderer they are `set` before rendering;
 * in the browser they are read once from `<script id="sextant-boot">`, and each path's answer is `take`n by the
 * first component that asks for it (later mounts fetch fresh data).
 *
 * @example
 * const [data] = useState(() => bootData.take<AuditSummary>('/api/audit/summary'))
 */
export const bootData = {
  set(data: { [path: string]: unknown } | undefined) {
    boot = data
  },
  take<T>(path: string): T | undefined {
    if (typeof document === 'undefined') return boot?.[path] as T | undefined
    boot ??= JSON.parse(document.getElementById('sextant-boot')?.textContent || '{}') as {
      [path: string]: unknown
    }
    const value = boot[path] as T | undefined
    delete boot[path]
    return value
  },
}
