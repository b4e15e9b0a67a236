import type { Attempt, VaultOverview } from '../api/types.ts'
import { useApi } from '../api/useApi.ts'
import { Card } from '../layout/Card.tsx'
import { clock, short } from '../layout/format.ts'
import { Approvals } from './Approvals.tsx'
import { SpendWindowChart } from './SpendWindowChart.tsx'

/**
 * The vault page: each guarded wallet's policy in words and its rolling spend windows as charts, the payments
 * waiting for a human co-signature (approve / deny), and every attempt the guard refused.
 *
 * @example
 * <VaultPage />
 */
export function VaultPage() {
  const { data } = useApi<VaultOverview>('/api/vault/overview', ['vault'])
  const { data: attempts } = useApi<{ attempts: Attempt[] }>('/api/vault/attempts', ['vault'])
  if (!data) return <p className="muted">loading vaults…</p>
  const refused = attempts?.attempts.filter((a) => a.decision === 'deny' || a.decision === 'reverted') ?? []
  return (
    <div className="page">
      <Card title="Pending approvals" wide>
        <Approvals />
      </Card>
      {data.vaults.map((vault) => (
        <Card key={vault.address} title={`${vault.name} · ${short(vault.address)}`}>
          <h3>Policy</h3>
          <ul data-testid="policy">
            {vault.policy.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {vault.windows.map((w) => (
            <SpendWindowChart key={`${w.asset}-${w.windowSeconds}`} window={w} />
          ))}
        </Card>
      ))}
      <Card title="Denied attempts" wide>
        {refused.length === 0 ? (
          <p className="muted">no attempt refused yet</p>
        ) : (
          <table data-testid="denied">
            <thead>
              <tr>
                <th>time</th>
                <th>to</th>
                <th>amount</th>
                <th>decision</th>
                <th>rule</th>
                <th>audit record</th>
              </tr>
            </thead>
            <tbody>
              {refused.map((a) => (
                <tr key={`${a.at}-${a.to}-${a.rule}`}>
                  <td>{clock(a.at)}</td>
                  <td className="mono">{short(a.to)}</td>
                  <td>
                    {a.value} {a.asset}
                  </td>
                  <td>
                    <span className={`badge ${a.decision}`}>{a.decision}</span>
                  </td>
                  <td>{a.rule}</td>
                  <td>
                    {a.session !== undefined ? (
                      <a href={`#/agent/${encodeURIComponent(a.session)}`}>session {a.session}</a>
                    ) : a.auditIndex !== undefined ? (
                      <a href="#/audit">#{a.auditIndex}</a>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  )
}
