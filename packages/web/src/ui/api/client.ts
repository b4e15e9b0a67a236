import { token } from './token.ts'

/** An error answer of the API: its status and `{ error: { code, message } }`. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/**
 * Calls the Sextant API: GET without a body, POST with a JSON body and the bearer token. Throws
 * {@link ApiRequestError} on any non-2xx answer.
 *
 * @example
 * const summary = await api<AuditSummary>('/api/audit/summary')
 * await api('/api/vault/approvals/3/approve', { body: {} })
 */
export async function api<T>(path: string, init: { body?: unknown; text?: boolean } = {}): Promise<T> {
  const auth = token()
  const headers: Record<string, string> = {}
  if (auth) headers.authorization = `Bearer ${auth}`
  if (init.body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(path, {
    method: init.body !== undefined ? 'POST' : 'GET',
    headers,
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  })
  if (!res.ok) {
    const body = (await res.json().catch(() => undefined)) as
      | { error?: { code: string; message: string } }
      | undefined
    throw new ApiRequestError(res.status, body?.error?.code ?? 'http', body?.error?.message ?? res.statusText)
  }
  return (init.text ? await res.text() : await res.json()) as T
}
