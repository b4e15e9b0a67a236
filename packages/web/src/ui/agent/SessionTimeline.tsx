import { useEffect, useRef, useState } from 'react'
import { api } from '../api/client.ts'
import type { AuditSummary, EntryDetail, SessionDetail, SessionStep } from '../api/types.ts'
import { useApi } from '../api/useApi.ts'
import { ether } from '../layout/format.ts'

/**
 * A session's steps in order — reasoning, model calls, tool calls and results, payments with the guard's
 * decision and rule — and a replay that walks them one by one, checking each step's log entry against its
 * receipt in the browser.
 *
 * @example
 * <SessionTimeline id="treasury-agent-1:run-1" />
 */
export function SessionTimeline({ id }: { id: string }) {
  const { data } = useApi<SessionDetail>(`/api/agent/sessions/${encodeURIComponent(id)}`, ['agent', 'audit'])
  const { data: summary } = useApi<AuditSummary>('/api/audit/summary')
  const [cursor, setCursor] = useState<number>()
  const [checked, setChecked] = useState<Record<number, boolean>>({})
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])
  if (!data) return <p className="muted">loading…</p>

  const replay = () => {
    clearTimeout(timer.current)
    setChecked({})
    const step = async (i: number) => {
      const s = data.steps[i]
      if (!s || !summary) return setCursor(undefined)
      setCursor(i)
      const detail = await api<EntryDetail>(`/api/audit/entries/${s.index}`)
      const { verifyInBrowser } = await import('../audit/verifyInBrowser.ts')
      const ok = verifyInBrowser({
        entry: detail.entry,
        receipt: detail.receipt,
        verifierKey: summary.verifierKey,
      }).ok
      setChecked((c) => ({ ...c, [s.index]: ok }))
      timer.current = setTimeout(() => step(i + 1), 500)
    }
    void step(0)
  }
  const done = Object.keys(checked).length
  return (
    <div>
      <div className="row">
        <button type="button" onClick={replay} data-testid="replay">
          ▶ Replay and check against the log
        </button>
        {done > 0 && (
          <span data-testid="replay-status">
            {Object.values(checked).filter(Boolean).length} / {data.steps.length} steps verified in the log
          </span>
        )}
      </div>
      <ol className="timeline" data-testid="timeline">
        {data.steps.map((s, i) => (
          <li key={s.index} className={[i === cursor ? 'current' : '', stepClass(s)].join(' ')}>
            <StepView step={s} verified={checked[s.index]} />
          </li>
        ))}
      </ol>
    </div>
  )
}

function amount(wei: unknown): string {
  return typeof wei === 'string' && /^\d+$/.test(wei) ? ether(wei) : String(wei ?? '')
}

function stepClass(s: SessionStep): string {
  return s.operation === 'payment'
    ? `payment ${String(s.fields['sextant.payment.decision'] ?? '')}`
    : s.operation
}

function StepView({ step, verified }: { step: SessionStep; verified: boolean | undefined }) {
  const f = step.fields
  const p = step.private ?? undefined
  const mark = verified === undefined ? '' : verified ? ' ✓ in log' : ' ✗ NOT IN LOG'
  if (step.operation === 'payment') {
    const decision = String(f['sextant.payment.decision'] ?? '')
    const attributes = (f.attributes ?? {}) as Record<string, unknown>
    const approvedBy = attributes['sextant.vault.approved_by']
    return (
      <div>
        <span className="op">payment</span> <span className={`badge ${decision}`}>{decision}</span>{' '}
        {amount(f['sextant.payment.value'])} {String(f['sextant.payment.asset'] ?? '')}
        {p?.['sextant.payment.to'] !== undefined && (
          <>
            {' '}
            → <span className="mono">{String(p['sextant.payment.to'])}</span>
          </>
        )}
        {approvedBy !== undefined && (
          <div data-testid="approved-by">
            approved by owner <span className="mono">{String(approvedBy)}</span> (request #
            {String(attributes['sextant.vault.approval_id'] ?? '?')}), then executed
          </div>
        )}
        <div className="muted">rule: {String(f['sextant.payment.rule'] ?? '')}</div>
        <small className="muted">
          entry #{step.index}
          {mark}
        </small>
      </div>
    )
  }
  if (step.operation === 'execute_tool') {
    return (
      <div>
        <span className="op">tool call</span> <code>{String(f['gen_ai.tool.name'] ?? '')}</code>
        {p?.['gen_ai.tool.call.arguments'] !== undefined && (
          <pre className="small">args: {JSON.stringify(p['gen_ai.tool.call.arguments'])}</pre>
        )}
        {p?.['gen_ai.tool.call.result'] !== undefined && (
          <pre className="small">result: {JSON.stringify(p['gen_ai.tool.call.result'])}</pre>
        )}
        <small className="muted">
          entry #{step.index}
          {mark}
        </small>
      </div>
    )
  }
  return (
    <div>
      <span className="op">{step.operation}</span> {String(f['gen_ai.request.model'] ?? '')}{' '}
      <span className="muted">
        {f['gen_ai.usage.input_tokens'] !== undefined &&
          `${String(f['gen_ai.usage.input_tokens'])} in / ${String(f['gen_ai.usage.output_tokens'] ?? '?')} out tokens`}
      </span>
      {p?.['sextant.reasoning'] !== undefined && (
        <pre className="small">reasoning: {String(p['sextant.reasoning'])}</pre>
      )}
      {p?.['gen_ai.output.messages'] !== undefined && (
        <pre className="small">answer: {JSON.stringify(p['gen_ai.output.messages'])}</pre>
      )}
      {p === null && <div className="muted">private data erased</div>}
      <small className="muted">
        entry #{step.index}
        {mark}
      </small>
    </div>
  )
}
