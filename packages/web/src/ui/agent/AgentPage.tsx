import type { SessionSummary } from '../api/types.ts'
import { useApi } from '../api/useApi.ts'
import { Card } from '../layout/Card.tsx'
import { SessionTimeline } from './SessionTimeline.tsx'

/**
 * The agent page: sessions (from the audit log: every model call, tool call and payment decision), and the
 * selected session's step timeline with replay.
 *
 * @example
 * <AgentPage session="treasury-agent-1:run-3" />
 */
export function AgentPage({ session }: { session: string | undefined }) {
  const { data } = useApi<{ sessions: SessionSummary[] }>('/api/agent/sessions', ['agent', 'audit'])
  if (!data) return <p className="muted">loading sessions…</p>
  const current = session ? decodeURIComponent(session) : data.sessions[0]?.id
  return (
    <div className="page">
      <Card title="Sessions" wide>
        {data.sessions.length === 0 ? (
          <p className="muted">no agent session logged yet</p>
        ) : (
          <table className="clickable" data-testid="sessions">
            <thead>
              <tr>
                <th>session</th>
                <th>agent</th>
                <th>steps</th>
                <th>models</th>
                <th>payments</th>
                <th>log entries</th>
              </tr>
            </thead>
            <tbody>
              {data.sessions.map((s) => (
                <tr
                  key={s.id}
                  className={s.id === current ? 'selected' : ''}
                  onClick={() => {
                    window.location.hash = `#/agent/${encodeURIComponent(s.id)}`
                  }}
                >
                  <td className="mono">{s.id}</td>
                  <td>{s.agent}</td>
                  <td>{s.steps}</td>
                  <td>{s.models.join(', ')}</td>
                  <td>
                    <span className="badge allow">{s.payments.allow} allowed</span>{' '}
                    <span className="badge deny">{s.payments.deny} denied</span>
                    {s.payments.other > 0 && <span className="badge pending"> {s.payments.other} other</span>}
                  </td>
                  <td>
                    {s.firstIndex}–{s.lastIndex}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      {current && (
        <Card title={`Session ${current}`} wide>
          <SessionTimeline id={current} />
        </Card>
      )}
    </div>
  )
}
