/**
 * A horizontal bar: how much of a cap is used (green, amber past 75 %, red past 100 %).
 *
 * @example
 * <UsageBar used={0.4} cap={1} label="0.4 / 1 ETH" />
 */
export function UsageBar({ used, cap, label }: { used: number; cap: number; label: string }) {
  const f = cap > 0 ? used / cap : 0
  const colour = f > 1 ? '#ff6b6b' : f > 0.75 ? '#ffb347' : '#38c172'
  return (
    <div className="usage" title={label}>
      <svg viewBox="0 0 200 14" preserveAspectRatio="none" role="img" aria-label={label}>
        <rect x={0} y={0} width={200} height={14} rx={3} className="track" />
        <rect x={0} y={0} width={Math.min(1, f) * 200} height={14} rx={3} fill={colour} />
      </svg>
      <span>{label}</span>
    </div>
  )
}
