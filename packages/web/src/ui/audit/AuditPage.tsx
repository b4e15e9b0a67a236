import { useState } from 'react'
import type { AnchorRow, AuditSummary, Finding } from '../api/types.ts'
import { useApi } from '../api/useApi.ts'
import { Card, Stat } from '../layout/Card.tsx'
import { clock, short } from '../layout/format.ts'
import { EntriesTable } from './EntriesTable.tsx'
import { EntryInspector } from './EntryInspector.tsx'

/**
 * The audit page: log size, latest signed checkpoint, on-chain anchors, entries, an entry inspector that
 * verifies inclusion in the browser, selective disclosure and erasure, and the monitor's alerts.
 *
 * @example
 * <AuditPage />
 */
export function AuditPage() {
  const { data: summary } = useApi<AuditSummary>('/api/audit/summary', ['audit'])
  const { data: anchors } = useApi<{ anchors: AnchorRow[] }>('/api/audit/anchors', ['audit'])
  const { data: alerts } = useApi<{ findings: Finding[] }>('/api/audit/alerts', ['audit'])
  const [selected, setSelected] = useState<number>()
  if (!summary) return <p className="muted">loading the audit log…</p>
  const latestAnchor = anchors?.anchors[0]
  return (
    <div className="page">
      <div className="stats">
        <Stat label="entries in the log" value={summary.size} testId="log-size" />
        <Stat
          label="latest signed checkpoint"
          value={summary.checkpoint?.size ?? '—'}
          testId="checkpoint-size"
        />
        <Stat label="anchored on-chain" value={latestAnchor?.size ?? '—'} testId="anchored-size" />
        <Stat
          label="monitor"
          value={
            summary.monitor.alerts === 0
              ? `ok · ${summary.monitor.verifiedSize}`
              : `${summary.monitor.alerts} alerts`
          }
          testId="monitor"
        />
      </div>
      <Card title="Log">
        <dl className="kv">
          <dt>origin</dt>
          <dd>{summary.origin}</dd>
          <dt>verifier key</dt>
          <dd className="mono" data-testid="verifier-key">
            {summary.verifierKey}
          </dd>
          {summary.anchor && (
            <>
              <dt>anchor contract</dt>
              <dd className="mono">
                {summary.anchor.address} (chain {summary.anchor.chainId ?? '?'})
              </dd>
            </>
          )}
        </dl>
      </Card>
      <Card title="Checkpoints anchored on-chain">
        {anchors && anchors.anchors.length > 0 ? (
          <table data-testid="anchors">
            <thead>
              <tr>
                <th>size</th>
                <th>root</th>
                <th>block</th>
                <th>transaction</th>
                <th>signed note</th>
              </tr>
            </thead>
            <tbody>
              {anchors.anchors.slice(0, 12).map((a) => (
                <tr key={a.txHash}>
                  <td>{a.size}</td>
                  <td className="mono">{short(a.rootHash, 6)}</td>
                  <td>{a.blockNumber}</td>
                  <td className="mono">{short(a.txHash, 6)}</td>
                  <td>{a.note ? <span title={a.note}>stored ✓</span> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">nothing anchored yet</p>
        )}
      </Card>
      <Card title="Entries" wide>
        <EntriesTable onSelect={setSelected} selected={selected} />
      </Card>
      <Card title="Inspect an entry" wide id="inspector">
        <EntryInspector verifierKey={summary.verifierKey} index={selected} onIndex={setSelected} />
      </Card>
      <Card title="Monitor alerts">
        {alerts && alerts.findings.length > 0 ? (
          <ul className="feed" data-testid="alerts">
            {alerts.findings.map((f) => (
              <li key={`${f.at}-${f.message}`} className={f.type === 'alert' ? 'bad' : 'warn'}>
                <b>{clock(f.at)}</b> {f.kind}: {f.message}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted" data-testid="alerts-none">
            no alerts: every checkpoint served was consistent with the ones before it and with the on-chain
            anchors ({summary.monitor.polls} checks)
          </p>
        )}
      </Card>
    </div>
  )
}
