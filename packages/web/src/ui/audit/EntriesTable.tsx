import type { EntrySummary } from '../api/types.ts'
import { useApi } from '../api/useApi.ts'

/**
 * The newest entries of the log with their public fields; clicking one opens it in the inspector.
 *
 * @example
 * <EntriesTable onSelect={setSelected} selected={3} />
 */
export function EntriesTable({
  onSelect,
  selected,
}: {
  onSelect: (index: number) => void
  selected: number | undefined
}) {
  const { data } = useApi<{ size: number; entries: EntrySummary[] }>('/api/audit/entries?limit=15', ['audit'])
  if (!data) return <p className="muted">loading…</p>
  return (
    <table data-testid="entries" className="clickable">
      <thead>
        <tr>
          <th>#</th>
          <th>operation</th>
          <th>agent</th>
          <th>detail</th>
          <th>private data</th>
        </tr>
      </thead>
      <tbody>
        {data.entries.map((e) => (
          <tr
            key={e.index}
            onClick={() => onSelect(e.index)}
            className={e.index === selected ? 'selected' : ''}
          >
            <td>{e.index}</td>
            <td>{String(e.fields?.['gen_ai.operation.name'] ?? e.kind)}</td>
            <td>{String(e.fields?.['gen_ai.agent.name'] ?? e.fields?.['gen_ai.agent.id'] ?? '')}</td>
            <td>{detail(e)}</td>
            <td>{e.private ? 'held' : e.kind === 'ai-event' ? 'erased' : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function detail(e: EntrySummary): string {
  const f = e.fields ?? {}
  if (f['sextant.payment.decision'])
    return `payment ${f['sextant.payment.decision']}: ${f['sextant.payment.rule'] ?? ''}`
  if (f['gen_ai.tool.name']) return `tool ${f['gen_ai.tool.name']}`
  if (f['gen_ai.request.model']) return `model ${f['gen_ai.request.model']}`
  return `${e.bytes} bytes`
}
