import type { TokenDetail } from '../api/types.ts'
import { useApi } from '../api/useApi.ts'
import { BubbleMap } from '../charts/BubbleMap.tsx'
import { LineChart } from '../charts/LineChart.tsx'
import { Card, Stat } from '../layout/Card.tsx'
import { AlertFeed } from './AlertFeed.tsx'
import { riskClass } from './riskClass.ts'

/**
 * One token: its risk score with the evidence signal by signal, the share of supply each group (dev, insiders,
 * snipers, bundlers, cabal, others) held over time, a bubble map of wallet clusters, and its alerts.
 *
 * @example
 * <TokenPage address="0xabc…" />
 */
export function TokenPage({ address }: { address: string }) {
  const { data, error } = useApi<TokenDetail>(`/api/forensics/tokens/${address}`, ['forensics'])
  if (error) return <p className="failed">{error.message}</p>
  if (!data) return <p className="muted">loading…</p>
  return (
    <div className="page" data-testid="token-page">
      <div className="stats">
        <Stat label="token" value={`${data.symbol} · ${data.name}`} testId="token-name" />
        <Stat
          label="rug risk (0-100)"
          value={<span className={`risk ${riskClass(data.risk)}`}>{data.risk}</span>}
          testId="token-risk"
        />
        <Stat label="status" value={data.status} />
        <Stat label="holders" value={data.holders ?? '—'} />
      </div>
      <Card title="Supply held by each group">
        <LineChart
          series={data.groups.map((g) => ({
            name: g.name,
            points: g.points.map((p) => ({ x: p.at, y: p.share })),
          }))}
          yMax={1}
          yFormat={(y) => `${Math.round(y * 100)}%`}
          label="share of supply by group over time"
        />
      </Card>
      <Card title="Wallet clusters">
        {data.clusters.length === 0 ? (
          <p className="muted">no cluster found</p>
        ) : (
          <BubbleMap clusters={data.clusters} />
        )}
      </Card>
      <Card title="Why this score">
        <table data-testid="signals">
          <tbody>
            {data.signals.map((s) => (
              <tr key={s.name}>
                <td>{s.name}</td>
                <td className={`risk ${riskClass(s.score)}`}>{s.score}</td>
                <td>{s.evidence}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <Card title="Alerts">
        <AlertFeed token={address} />
      </Card>
    </div>
  )
}
