import { useState } from 'react'
import { api } from '../api/client.ts'
import type { Approval } from '../api/types.ts'
import { useApi } from '../api/useApi.ts'
import { clock, short } from '../layout/format.ts'

/**
 * Payments waiting for a human co-signature, with approve / deny buttons (the token is needed), and the recent
 * decisions.
 *
 * @example
 * <Approvals />
 */
export function Approvals() {
  const { data, reload } = useApi<{ approvals: Approval[] }>('/api/vault/approvals', ['vault'])
  const [message, setMessage] = useState<string>()
  const decide = async (id: string, decision: 'approve' | 'deny') => {
    try {
      const result = await api<Approval>(`/api/vault/approvals/${id}/${decision}`, { body: {} })
      setMessage(
        `${decision === 'approve' ? 'approved' : 'denied'} ${id}${result.txHash ? ` — tx ${short(result.txHash, 6)}` : ''}`,
      )
    } catch (e) {
      setMessage((e as Error).message)
    }
    reload()
  }
  if (!data) return <p className="muted">loading…</p>
  const pending = data.approvals.filter((a) => a.status === 'pending')
  const decided = data.approvals.filter((a) => a.status !== 'pending').slice(0, 8)
  return (
    <div>
      {message && (
        <p className="note" data-testid="approval-message">
          {message}
        </p>
      )}
      {pending.length === 0 ? (
        <p className="muted" data-testid="no-pending">
          nothing waits for approval
        </p>
      ) : (
        <table data-testid="pending">
          <thead>
            <tr>
              <th>request</th>
              <th>to</th>
              <th>amount</th>
              <th>why it needs you</th>
              <th>expires</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {pending.map((a) => (
              <tr key={a.id} data-approval={a.id}>
                <td className="mono">{a.id}</td>
                <td className="mono">{short(a.to)}</td>
                <td>
                  {a.value} {a.asset}
                </td>
                <td>{a.reason}</td>
                <td>{clock(a.expiresAt)}</td>
                <td className="row">
                  <button type="button" onClick={() => decide(a.id, 'approve')} data-testid="approve">
                    Approve
                  </button>
                  <button
                    type="button"
                    className="danger"
                    onClick={() => decide(a.id, 'deny')}
                    data-testid="deny"
                  >
                    Deny
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {decided.length > 0 && (
        <>
          <h3>Recent decisions</h3>
          <table data-testid="decided">
            <tbody>
              {decided.map((a) => (
                <tr key={a.id}>
                  <td className="mono">{a.id}</td>
                  <td>
                    <span className={`badge ${a.status}`}>{a.status}</span>
                  </td>
                  <td>
                    {a.value} {a.asset} → <span className="mono">{short(a.to)}</span>
                  </td>
                  <td className="mono">{a.txHash ? short(a.txHash, 6) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  )
}
