import type { ReactNode } from 'react'

/**
 * A titled panel of the dashboard.
 *
 * @example
 * <Card title="Checkpoints">…</Card>
 */
export function Card({
  title,
  children,
  id,
  wide,
}: {
  title: string
  children: ReactNode
  id?: string
  wide?: boolean
}) {
  return (
    <section className={wide ? 'card wide' : 'card'} {...(id ? { id } : {})}>
      <h2>{title}</h2>
      {children}
    </section>
  )
}

/**
 * A big number with its label, for summary rows.
 *
 * @example
 * <Stat label="entries" value={1234} testId="log-size" />
 */
export function Stat({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <div className="stat">
      <div className="value" {...(testId ? { 'data-testid': testId } : {})}>
        {value}
      </div>
      <div className="label">{label}</div>
    </div>
  )
}
