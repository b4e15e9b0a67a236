import type { ForensicsAlert } from '../api/types.ts'
import { useApi } from '../api/useApi.ts'
import { clock, short } from '../layout/format.ts'

/**
 * The forensics alert feed (dev or insiders selling, cabal distributing, liquidity pulled, concentration),
 * newest first, optionally for one token.
 *
 * @example
 * <AlertFeed token="0xabc…" />
 */
export function AlertFeed({ token }: { token?: string }) {
  const path = token ? `/api/forensics/alerts?token=${token}` : '/api/forensics/alerts'
  const { data } = useApi<{ alerts: ForensicsAlert[] }>(path, ['forensics'])
  if (!data) return <p className="muted">loading…</p>
  if (data.alerts.length === 0) return <p className="muted">no alert yet</p>
  return (
    <ul className="feed" data-testid="forensics-alerts">
      {data.alerts.map((a) => (
        <li key={`${a.at}-${a.token}-${a.kind}`} className={a.severity === 'high' ? 'bad' : 'warn'}>
          <b>{clock(a.at)}</b> <a href={`#/forensics/token/${a.token}`}>{short(a.token)}</a> {a.kind}:{' '}
          {a.message}
        </li>
      ))}
    </ul>
  )
}
