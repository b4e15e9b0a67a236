import type { SpendWindow } from '../api/types.ts'
import { LineChart } from '../charts/LineChart.tsx'
import { UsageBar } from '../charts/UsageBar.tsx'

/**
 * One rolling window: a bar of what is used against the cap now, and a chart of the rolling sum over time
 * (each point: what was spent in the window ending then), with the cap drawn as a line.
 *
 * @example
 * <SpendWindowChart window={vault.windows[0]} />
 */
export function SpendWindowChart({ window: w }: { window: SpendWindow }) {
  const cap = Number(w.cap)
  const used = Number(w.used)
  const spends = w.points.map((p) => ({ at: p.at, amount: Number(p.amount) })).sort((a, b) => a.at - b.at)
  const span = w.windowSeconds * 1000
  const now = Date.now()
  const start = Math.min(now - span, spends[0]?.at ?? now)
  const inWindow = (t: number) =>
    spends.filter((q) => q.at <= t && q.at > t - span).reduce((s, q) => s + q.amount, 0)
  // The rolling sum changes only when a spend enters (at) or leaves (at + span) the window: sample around those.
  const times = [start, now, ...spends.flatMap((p) => [p.at - 1, p.at, p.at + span - 1, p.at + span])]
    .filter((t) => t >= start && t <= now)
    .sort((a, b) => a - b)
  const rolling = times.map((t) => ({ x: t, y: inWindow(t) }))
  const capLine = [
    { x: start, y: cap },
    { x: now, y: cap },
  ]
  const label = `${used} / ${cap} ${w.asset} in a rolling ${humanWindow(w.windowSeconds)}`
  return (
    <div className="window" data-testid="spend-window">
      <h3>{label}</h3>
      <UsageBar used={used} cap={cap} label={`${Math.round((used / (cap || 1)) * 100)}% used`} />
      <LineChart
        height={160}
        yMax={Math.max(cap * 1.2, ...rolling.map((p) => p.y))}
        series={[
          { name: `rolling spend (${w.asset})`, points: rolling },
          { name: 'cap', points: capLine },
        ]}
        label={label}
      />
    </div>
  )
}

function humanWindow(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400} d`
  if (seconds % 3600 === 0) return `${seconds / 3600} h`
  if (seconds % 60 === 0) return `${seconds / 60} min`
  return `${seconds} s`
}
