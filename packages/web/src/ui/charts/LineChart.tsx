import { palette } from './palette.ts'

/** One series of a {@link LineChart}. */
export type Series = { name: string; points: { x: number; y: number }[] }

/**
 * A plain SVG line chart of several series over a shared x axis (time in ms), with a legend and y ticks.
 *
 * @example
 * <LineChart series={[{ name: 'dev', points }]} yFormat={(y) => `${(y * 100).toFixed(0)}%`} />
 */
export function LineChart({
  series,
  height = 220,
  yMax,
  yFormat = (y) => String(Number(y.toPrecision(3))),
  label,
}: {
  series: Series[]
  height?: number
  yMax?: number
  yFormat?: (y: number) => string
  label?: string
}) {
  const width = 640
  const pad = { left: 52, right: 12, top: 12, bottom: 24 }
  const all = series.flatMap((s) => s.points)
  if (all.length === 0) return <p className="muted">no data yet</p>
  const x0 = Math.min(...all.map((p) => p.x))
  const x1 = Math.max(...all.map((p) => p.x), x0 + 1)
  const top = yMax ?? Math.max(...all.map((p) => p.y), 1e-9)
  const sx = (x: number) => pad.left + ((x - x0) / (x1 - x0)) * (width - pad.left - pad.right)
  const sy = (y: number) => pad.top + (1 - y / top) * (height - pad.top - pad.bottom)
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * top)
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label ?? 'line chart'}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={pad.left} x2={width - pad.right} y1={sy(t)} y2={sy(t)} className="grid" />
            <text x={pad.left - 6} y={sy(t) + 4} textAnchor="end" className="tick">
              {yFormat(t)}
            </text>
          </g>
        ))}
        {series.map((s, i) => (
          <polyline
            key={s.name}
            fill="none"
            stroke={palette[i % palette.length]}
            strokeWidth={2}
            points={s.points.map((p) => `${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ')}
          >
            <title>{s.name}</title>
          </polyline>
        ))}
      </svg>
      <figcaption className="legend">
        {series.map((s, i) => (
          <span key={s.name}>
            <i style={{ background: palette[i % palette.length] }} />
            {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  )
}
