import type { Launch } from '../api/types.ts'
import { useApi } from '../api/useApi.ts'
import { Card } from '../layout/Card.tsx'
import { clock, short } from '../layout/format.ts'
import { AlertFeed } from './AlertFeed.tsx'
import { riskClass } from './riskClass.ts'

/**
 * The forensics page: live launches with their rug-risk scores and strongest signals, and the alert feed.
 *
 * @example
 * <ForensicsPage />
 */
export function ForensicsPage() {
  const { data } = useApi<{ launches: Launch[] }>('/api/forensics/launches', ['forensics'])
  return (
    <div className="page">
      <Card title="Launches" wide>
        {!data ? (
          <p className="muted">loading…</p>
        ) : data.launches.length === 0 ? (
          <p className="muted">no launch seen yet</p>
        ) : (
          <table className="clickable" data-testid="launches">
            <thead>
              <tr>
                <th>launched</th>
                <th>token</th>
                <th>status</th>
                <th>holders</th>
                <th>rug risk</th>
                <th>strongest signals</th>
              </tr>
            </thead>
            <tbody>
              {data.launches.map((l) => (
                <tr
                  key={l.token}
                  data-token={l.token}
                  onClick={() => {
                    window.location.hash = `#/forensics/token/${l.token}`
                  }}
                >
                  <td>{clock(l.createdAt)}</td>
                  <td>
                    <b>{l.symbol}</b> <span className="muted">{l.name}</span>
                    <div className="mono muted">{short(l.token)}</div>
                  </td>
                  <td>{l.status}</td>
                  <td>{l.holders ?? '—'}</td>
                  <td className={`risk ${riskClass(l.risk)}`}>{l.risk}</td>
                  <td className="small">
                    {[...l.signals]
                      .sort((a, b) => b.score - a.score)
                      .slice(0, 3)
                      .map((s) => `${s.name} (${s.score})`)
                      .join(' · ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <Card title="Alerts" wide>
        <AlertFeed />
      </Card>
    </div>
  )
}
