import { palette } from './palette.ts'

/** A cluster of wallets drawn by {@link BubbleMap}. */
export type BubbleCluster = { id: string; role: string; wallets: { address: string; share: number }[] }

/**
 * A bubble map of wallet clusters: one bubble per wallet, sized by its share of supply, wallets of one cluster
 * packed together around a ring (a deterministic spiral packing, no physics), coloured by role.
 *
 * @example
 * <BubbleMap clusters={token.clusters} />
 */
export function BubbleMap({ clusters, size = 520 }: { clusters: BubbleCluster[]; size?: number }) {
  const roles = [...new Set(clusters.map((c) => c.role))]
  const maxShare = Math.max(...clusters.flatMap((c) => c.wallets.map((w) => w.share)), 1e-9)
  // Shrink bubbles when a cluster is large, so it stays inside its part of the map.
  const crowd = Math.min(1, Math.sqrt(20 / Math.max(1, ...clusters.map((c) => c.wallets.length))))
  const r = (share: number) => 3 + 26 * crowd * Math.sqrt(share / maxShare)
  const centre = size / 2
  const ring = size * 0.3
  const bubbles = clusters.flatMap((cluster, ci) => {
    const angle = (2 * Math.PI * ci) / Math.max(1, clusters.length)
    const cx = clusters.length === 1 ? centre : centre + ring * Math.cos(angle)
    const cy = clusters.length === 1 ? centre : centre + ring * Math.sin(angle)
    const placed: { x: number; y: number; r: number }[] = []
    return [...cluster.wallets]
      .sort((a, b) => b.share - a.share)
      .map((wallet) => {
        const radius = r(wallet.share)
        let x = cx
        let y = cy
        for (let t = 0; t < 2000; t++) {
          const a = t * 0.5
          const d = t * 0.5
          x = cx + d * Math.cos(a)
          y = cy + d * Math.sin(a)
          if (placed.every((p) => Math.hypot(p.x - x, p.y - y) >= p.r + radius + 1)) break
        }
        x = Math.min(size - radius, Math.max(radius, x))
        y = Math.min(size - radius, Math.max(radius, y))
        placed.push({ x, y, r: radius })
        return {
          cluster,
          wallet,
          x,
          y,
          radius,
          colour: palette[roles.indexOf(cluster.role) % palette.length],
        }
      })
  })
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${size} ${size}`} role="img" aria-label="bubble map of wallet clusters">
        {bubbles.map((b) => (
          <circle
            key={`${b.cluster.id}:${b.wallet.address}`}
            cx={b.x}
            cy={b.y}
            r={b.radius}
            fill={b.colour}
            fillOpacity={0.75}
            stroke="#0b0f14"
            data-cluster={b.cluster.id}
          >
            <title>{`${b.cluster.role} ${b.cluster.id}: ${b.wallet.address} — ${(b.wallet.share * 100).toFixed(2)}% of supply`}</title>
          </circle>
        ))}
      </svg>
      <figcaption className="legend">
        {roles.map((role, i) => (
          <span key={role}>
            <i style={{ background: palette[i % palette.length] }} />
            {role}
          </span>
        ))}
      </figcaption>
    </figure>
  )
}
